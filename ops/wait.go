package ops

import (
	"context"
	"sync/atomic"
)

// WaitAll blocks until every result in rs is settled, or ctx is done
// (aioresult's wait_all). It returns nil once all are settled, whether they
// succeeded or failed: read each result for its outcome. If ctx ends first it
// returns ctx.Err() and removes its callbacks; the results are not affected.
// With nothing pending it returns nil at once, even if ctx is done.
//
// It starts no goroutine for the results of this module; see the package doc.
func WaitAll[R interface{ Done() <-chan struct{} }](ctx context.Context, rs ...R) error {
	if allDone(rs) {
		return nil
	}
	c := &countdown{all: make(chan struct{})}
	c.left.Store(int64(len(rs)) + 1) // one more for the registration loop itself
	regs := make([]registration, len(rs))
	for i, r := range rs {
		regs[i] = register(r, c)
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
		for i, g := range regs {
			g.cancel(rs[i])
		}
		return ctx.Err()
	}
}

// countdown closes all when it has been notified as many times as left says.
type countdown struct {
	left atomic.Int64
	all  chan struct{}
}

func (c *countdown) Notify() {
	if c.left.Add(-1) == 0 {
		close(c.all)
	}
}

// allDone reports whether every result in rs is known to be settled, without
// blocking or allocating.
func allDone[R interface{ Done() <-chan struct{} }](rs []R) bool {
	for _, r := range rs {
		d, ok := any(r).(interface{ IsDone() bool })
		if !ok || !d.IsDone() {
			return false
		}
	}
	return true
}

// WaitAny blocks until one of the results in rs is settled, or ctx is done,
// and returns that result (aioresult's wait_any). A failed result can be the
// one returned: read it for its outcome. If several are settled already, it
// returns the first of them in rs. The others are left alone, not cancelled,
// and the callbacks WaitAny registered on them are removed before it returns.
//
// It returns [ErrNoResults] if rs is empty, and the zero R and ctx.Err() if
// ctx ends first (a result settled already is returned even if ctx is done).
// It starts no goroutine for the results of this module.
func WaitAny[R interface{ Done() <-chan struct{} }](ctx context.Context, rs ...R) (R, error) {
	var zero R
	if len(rs) == 0 {
		return zero, ErrNoResults
	}
	a := watch(rs)
	defer a.stop()
	got, err := a.next(ctx, nil)
	if err != nil {
		return zero, err
	}
	return rs[got[0]], nil
}
