package ops

import (
	"sync/atomic"

	"github.com/goresult/goresult/future"
)

// fan is the wiring of an operator over many results: a completion callback
// on each, and one decision that settles the operator's output. Whichever of
// the registration loop and the decision comes last removes the callbacks
// that have not run and cancels the losers, so that a decision taken while
// the callbacks are still being registered is handled too.
type fan[R doner] struct {
	rs     []R
	regs   []registration
	cancel bool // whether the decision cancels the results that lost

	decided atomic.Bool
	winner  int          // the index that decided, or -1; written before holds is released
	unwire  bool         // whether the decision leaves callbacks to remove; same
	holds   atomic.Int32 // the registration loop and the decision
}

// newFan returns the wiring for rs; cancelLosers says whether a decision
// cancels the results other than the winner.
func newFan[R doner](rs []R, cancelLosers bool) *fan[R] {
	f := &fan[R]{rs: rs, cancel: cancelLosers, winner: -1}
	f.holds.Store(2)
	return f
}

// wire registers on(i) to run once rs[i] is settled, for each i, until a
// decision is taken. on may run before wire returns.
func (f *fan[R]) wire(on func(i int)) {
	f.regs = registerEach(f.rs, on, f.decided.Load)
	f.release()
}

// decide reports whether the caller is the first to decide, and so the one
// to settle the output. winner is the index of the deciding result (-1 for
// none); unwire says whether callbacks may still be registered.
func (f *fan[R]) decide(winner int, unwire bool) bool {
	if f.decided.Load() || !f.decided.CompareAndSwap(false, true) {
		return false
	}
	f.winner, f.unwire = winner, unwire
	f.release()
	return true
}

// isDecided reports whether the output is settled or being settled.
func (f *fan[R]) isDecided() bool { return f.decided.Load() }

func (f *fan[R]) release() {
	if f.holds.Add(-1) != 0 || !f.unwire {
		return
	}
	for i, g := range f.regs {
		g.cancel(f.rs[i])
		if f.cancel && i != f.winner {
			cancelLoser(f.rs[i])
		}
	}
	f.regs = nil
}

// cancelLoser cancels r with ErrLost if it can be cancelled on its own.
func cancelLoser[R doner](r R) {
	if c, ok := any(r).(future.Canceler); ok {
		c.Cancel(ErrLost)
	}
}

// settle settles out with v, or with err if it is not nil. A second
// settling is ignored: the first one wins.
func settle[T any](out *future.Future[T], v T, err error) {
	if err != nil {
		out.SetError(err)
		return
	}
	out.SetResult(v)
}

// forward settles out as the settled result r is.
func forward[T any](out *future.Future[T], r future.Result[T]) {
	v, err := r.Get()
	settle(out, v, err)
}

// settled returns a settled result: v, or err if it is not nil.
func settled[T any](v T, err error) future.Result[T] {
	if err != nil {
		return future.Failed[T](err)
	}
	return future.Resolved(v)
}

// protect calls fn(v) and turns a panic into a *future.PanicError.
func protect[T, U any](fn func(T) (U, error), v T) (u U, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = future.NewPanicError(p)
		}
	}()
	return fn(v)
}
