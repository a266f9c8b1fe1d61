package ops

import (
	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/internal/notify"
)

// registration is one waiter registered on one result. On the results of
// package future it costs no allocation: the waiter goes into the result's
// own list (see internal/notify). Other results go through future.AfterFunc.
type registration struct {
	h    notify.Handle
	stop func() bool // only for results from outside this module
	set  bool        // whether there is anything to cancel
}

// register arranges for w.Notify to run once r is settled: at once, in this
// goroutine, if it is already settled.
func register(r doner, w notify.Waiter) registration {
	if h, ok := notify.Subscribe(r, w); ok {
		return registration{h: h, set: h != notify.None}
	}
	return registration{stop: future.AfterFunc(r, w.Notify), set: true}
}

// cancel removes the waiter from r, the result it was registered on, and
// reports whether it had not run yet.
func (g registration) cancel(r doner) bool {
	switch {
	case !g.set:
		return false
	case g.stop != nil:
		return g.stop()
	default:
		return notify.Unsubscribe(r, g.h)
	}
}

// indexed is a waiter that reports the index of the result it waits for.
type indexed struct {
	on func(i int)
	i  int
}

func (w *indexed) Notify() { w.on(w.i) }

// registerEach registers on(i) on each rs[i], in index order, with two
// allocations in all for the results of package future. on may run before
// registerEach returns. It stops registering once done reports true (done may
// be nil), leaving the rest unset.
func registerEach[R doner](rs []R, on func(i int), done func() bool) []registration {
	ws := make([]indexed, len(rs))
	regs := make([]registration, len(rs))
	for i, r := range rs {
		if done != nil && done() {
			break
		}
		ws[i] = indexed{on: on, i: i}
		regs[i] = register(r, &ws[i])
	}
	return regs
}

// cancelEach cancels the registrations registerEach made on rs.
func cancelEach[R doner](rs []R, regs []registration) {
	for i, g := range regs {
		g.cancel(rs[i])
	}
}
