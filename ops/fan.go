package ops

import (
	"sync/atomic"

	"github.com/goresult/goresult/future"
)

// fan is the wiring of an operator over many results: a completion callback
// on each, and one decision that settles the operator's output. Whichever of
// the registration loop and the decision comes last removes the callbacks
// that have not run and cancels the losers, so that a decision taken while
// the callbacks are still being registered is handled too. The operator's
// output embeds its fan, so both are one allocation, besides the entries.
type fan[R future.Doner] struct {
	es     []entry[R]
	cancel bool // whether the decision cancels the results that lost

	decided atomic.Bool
	winner  int          // the index that decided, or -1; written before holds is released
	unwire  bool         // whether the decision leaves callbacks to remove; same
	holds   atomic.Int32 // the registration loop and the decision
}

// init sets f up for rs, copying them; cancelLosers says whether a decision
// cancels the results other than the winner. name is the operator's, for
// the panic on a nil result.
func (f *fan[R]) init(name string, rs []R, cancelLosers bool) {
	f.es = entries(name, rs)
	f.cancel, f.winner = cancelLosers, -1
	f.holds.Store(2)
}

// input returns the i-th input.
func (f *fan[R]) input(i int) R { return f.es[i].r }

// wire registers on(i) to run once input i is settled, for each i, until a
// decision is taken. on may run before wire returns.
func (f *fan[R]) wire(on func(i int)) {
	for i := range f.es {
		if f.decided.Load() {
			break
		}
		e := &f.es[i]
		e.on = on
		e.reg = future.Register(e.r, e)
	}
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
	for i := range f.es {
		e := &f.es[i]
		e.reg.Stop()
		if f.cancel && i != f.winner {
			cancelResult(e.r, ErrLost)
		}
	}
}

// cancelInputs pushes every input, unless the output is decided.
func (f *fan[R]) cancelInputs(_ error, push func(future.Doner)) {
	if f.isDecided() {
		return
	}
	for i := range f.es {
		push(f.es[i].r)
	}
}
