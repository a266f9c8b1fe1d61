package ops

import (
	"context"
	"sync/atomic"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/internal/ctxerr"
	"github.com/goresult/goresult/internal/nilcheck"
	"github.com/goresult/goresult/internal/notify"
)

// WaitAll blocks until every result in rs is done, or ctx is done
// (aioresult's wait_all). It returns nil once all are done, whether they
// succeeded or failed: read each result for its outcome. If ctx ends first
// it returns ctx's error (with its cause) and removes its callbacks; the
// results are not affected. With nothing pending it returns nil at once,
// even if ctx is done.
//
// R is inferred from the arguments, so results of different value types,
// such as a *future.Task[User] and a *future.Task[[]Order], need an explicit
// type argument, ops.WaitAll[future.Waitable](ctx, user, orders), or a
// []future.Waitable passed as rs.... WaitAll panics if a result is nil.
func WaitAll[R future.Doner](ctx context.Context, rs ...R) error {
	if allDone(rs) {
		return nil
	}
	c := &countdown{all: make(chan struct{})}
	c.left.Store(int64(len(rs)) + 1) // one more for the registration loop itself
	regs := make([]future.Registration, len(rs))
	for i, r := range rs {
		regs[i] = future.Register(r, c)
	}
	c.Notify()
	select {
	case <-c.all:
		return nil
	default:
	}
	select {
	case <-c.all:
		return nil
	case <-ctx.Done():
		for _, g := range regs {
			g.Stop()
		}
		return ctxerr.Of(ctx)
	}
}

// countdown closes all when it has been notified as many times as left
// says. It is a wake-up: each result is done before it counts.
type countdown struct {
	notify.Wakeup
	left atomic.Int64
	all  chan struct{}
}

func (c *countdown) Notify() {
	if c.left.Add(-1) == 0 {
		close(c.all)
	}
}

// allDone reports whether every result in rs is done, without blocking or
// allocating. It panics if one is nil, as WaitAll does.
func allDone[R future.Doner](rs []R) bool {
	all := true
	for _, r := range rs {
		switch {
		case nilcheck.Is(r):
			panic("ops: WaitAll of a nil result")
		case all:
			all = isDone(r)
		}
	}
	return all
}

// WaitAny blocks until one of the results in rs is done, or ctx is done,
// and returns that result (aioresult's wait_any). A failed result can be the
// one returned: read it for its outcome. If several are done already, it
// returns the first of them in rs. The others are left alone, not cancelled
// (see [Race] for a race that cancels them), and the callbacks WaitAny
// registered on them are removed before it returns.
//
// It returns [ErrNoResults] if rs is empty, and the zero R and ctx's error
// (with its cause) if ctx ends first; a result done already is returned even
// if ctx is done. As for WaitAll, results of different value types need an
// explicit type argument. WaitAny panics if a result is nil.
func WaitAny[R future.Doner](ctx context.Context, rs ...R) (R, error) {
	var zero R
	if len(rs) == 0 {
		return zero, ErrNoResults
	}
	checkInputs("WaitAny", rs)
	a := watch(rs)
	defer a.stop()
	got, err := a.next(ctx, nil)
	if err != nil {
		return zero, err
	}
	return rs[got[0]], nil
}
