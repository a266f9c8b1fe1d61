package future

import (
	"sync/atomic"

	"github.com/goresult/goresult/internal/nilcheck"
	"github.com/goresult/goresult/internal/notify"
)

// Doner is anything that can be waited for: a channel closed once it is
// settled. Every Result is one; so is a context.Context. The functions of
// package ops accept any Doner, and take a faster path for those that are
// also a [Notifier].
type Doner interface {
	Done() <-chan struct{}
}

// Waiter is notified once, when the result it was registered on with
// [Register] settles. Notify runs in the goroutine that settles the result,
// before the result is done, and must be quick and must not block.
type Waiter interface {
	Notify()
}

// Notifier is a result that notifies its waiters itself when it settles,
// without a goroutine watching it: a [Future], a [Task], the results of
// package ops, and any result that embeds or holds a Future and forwards
// Register to it.
type Notifier interface {
	Doner
	// Register adds w to the result's waiters, or notifies w at once, in
	// the caller's goroutine, if the result is settled.
	Register(w Waiter) Registration
}

// Registration is one waiter registered on one result by [Register]. The
// zero Registration has nothing to stop.
type Registration struct {
	from unregisterer  // what holds the waiter: a result of this module, or a watch
	h    notify.Handle // the waiter's slot in from's list
}

// unregisterer is the part of this module's results that removes a waiter.
type unregisterer interface {
	unregister(h notify.Handle) bool
}

// stopFunc is the unregisterer of a waiter on a result that is not a
// Notifier: it stops the goroutine watching the result.
type stopFunc func() bool

func (f stopFunc) unregister(notify.Handle) bool { return f() }

// Register arranges for w.Notify to be called once r is settled, and returns
// the registration, whose Stop removes w.
//
// For a [Notifier] (the results of this module) no goroutine is involved and
// nothing is allocated: w goes into r's own list, and runs in the goroutine
// that settles r, before r is done, or at once in the caller's goroutine if r
// is settled already. Once r is done (IsDone reports true, Wait has returned,
// Done is closed), every waiter registered before it settled has run. Inside
// w.Notify, r's Get and Err already return its outcome, but r's Wait, Await
// and Done would wait for w itself: do not call them there. If w.Notify
// panics, r's other waiters still run and r still becomes done, and then the
// panic goes on in the settling goroutine.
//
// For any other r, Register starts a goroutine that waits for r.Done() or for
// Stop, and calls w.Notify in that goroutine.
//
// A waiter that embeds a Future and settles it in Notify (as package ops'
// operators do) is run in a loop, not by a nested call, so that a chain of
// such waiters of any length settles on a bounded stack: its Future takes
// the outcome at once (Get returns it), and runs its own waiters and becomes
// done once Notify has returned.
//
// Register panics if r or w is nil, or r holds a nil pointer.
func Register(r Doner, w Waiter) Registration {
	if w == nil {
		panic("future: Register with a nil Waiter")
	}
	if nilcheck.Is(r) {
		panic("future: Register on a nil result")
	}
	if n, ok := r.(Notifier); ok {
		return n.Register(w)
	}
	return Registration{from: stopFunc(watch(r.Done(), w.Notify))}
}

// Stop removes the waiter from the result it was registered on. It reports
// whether it stopped the waiter from being notified: false if it has been or
// is being notified, or Stop was called before.
func (g Registration) Stop() bool {
	return g.from != nil && g.from.unregister(g.h)
}

// AfterFunc arranges to call f once r is settled, as [Register] does with a
// Waiter, and returns a function that cancels the call: stop returns true if
// it stopped f from being called, and false if f has been or is being
// called, or stop was called before. Its shape is context.AfterFunc's.
//
// AfterFunc panics if r or f is nil.
func AfterFunc(r Doner, f func()) (stop func() bool) {
	if f == nil {
		panic("future: AfterFunc with a nil function")
	}
	if nilcheck.Is(r) {
		panic("future: AfterFunc on a nil result")
	}
	g := Register(r, notify.Func(f))
	if g.from == nil {
		return stopped
	}
	return g.Stop
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
