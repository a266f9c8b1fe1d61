package future

import (
	"sync/atomic"

	"github.com/goresult/goresult/internal/notify"
)

// notifier is implemented by the results of this package, which keep a list
// of waiters instead of needing a goroutine to watch them.
type notifier interface {
	subscribe(w notify.Waiter) notify.Handle
	unsubscribe(h notify.Handle) bool
}

func init() {
	notify.Subscribe = func(r any, w notify.Waiter) (notify.Handle, bool) {
		n, ok := r.(notifier)
		if !ok {
			return notify.None, false
		}
		return n.subscribe(w), true
	}
	notify.Unsubscribe = func(r any, h notify.Handle) bool {
		n, ok := r.(notifier)
		return ok && n.unsubscribe(h)
	}
}

// AfterFunc arranges to call f once r is settled, and returns a function that
// cancels the call. Calling stop returns true if it stopped f from being
// called, and false if f has been or is being called, or stop was called
// before.
//
// For the results of this module (a [Future], a [Task], and what package ops
// returns) no goroutine is involved: f runs in the goroutine that settles r,
// before the settling call returns, or at once in the caller's goroutine if r
// is already settled. f must therefore be quick and must not block; to do
// blocking work, start a goroutine from f. The callbacks run before r is
// done: once IsDone reports true (or Wait has returned, or Done is closed),
// every callback registered before r settled has run. Inside f, r's Get and
// Err already return its outcome, but r's Wait, Await and Done would wait for
// f itself: do not call them from f. If f panics, the other callbacks of r
// still run, r still becomes done, and the panic then continues in the
// settling goroutine.
//
// AfterFunc panics if r or f is nil. For any other r, AfterFunc starts a
// goroutine that waits for r.Done() or for stop, and calls f in that goroutine.
func AfterFunc(r interface{ Done() <-chan struct{} }, f func()) (stop func() bool) {
	if f == nil {
		panic("future: AfterFunc with a nil function")
	}
	if r == nil {
		panic("future: AfterFunc on a nil result")
	}
	n, ok := r.(notifier)
	if !ok {
		return watch(r.Done(), f)
	}
	h := n.subscribe(notify.Func(f))
	if h == notify.None {
		return stopped
	}
	return func() bool { return n.unsubscribe(h) }
}

// stopped is the stop function of a callback that has already run.
func stopped() bool { return false }

// watch calls f in a new goroutine once done is closed, unless stop comes first.
func watch(done <-chan struct{}, f func()) (stop func() bool) {
	var state atomic.Int32 // 0 armed, 1 fired, 2 stopped
	quit := make(chan struct{})
	go func() {
		select {
		case <-done:
			if state.CompareAndSwap(0, 1) {
				f()
			}
		case <-quit:
		}
	}()
	return func() bool {
		if !state.CompareAndSwap(0, 2) {
			return false
		}
		close(quit)
		return true
	}
}
