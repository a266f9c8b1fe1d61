package future

import "sync/atomic"

// selfNotifier is implemented by the results of this module, which keep a
// list of callbacks instead of needing a goroutine to watch them.
type selfNotifier interface {
	afterFunc(f func()) (stop func() bool)
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
// blocking work, start a goroutine from f. If f panics, the other callbacks
// of r still run and the panic then continues in the settling goroutine.
//
// AfterFunc panics if r or f is nil. For any other r, AfterFunc starts a goroutine that waits for r.Done() or for
// stop, and calls f in that goroutine.
func AfterFunc(r interface{ Done() <-chan struct{} }, f func()) (stop func() bool) {
	if f == nil {
		panic("future: AfterFunc with a nil function")
	}
	if r == nil {
		panic("future: AfterFunc on a nil result")
	}
	if n, ok := r.(selfNotifier); ok {
		return n.afterFunc(f)
	}
	return watch(r.Done(), f)
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
