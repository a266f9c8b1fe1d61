package ops

import (
	"context"
	"sync/atomic"

	"github.com/goresult/goresult/future"
)

// WaitAll blocks until every result in rs is settled, or ctx is done
// (aioresult's wait_all). It returns nil once all are settled, whether they
// succeeded or failed: read each result for its outcome. If ctx ends first it
// returns ctx.Err() and removes its callbacks; the results are not affected.
// With nothing pending it returns nil at once, even if ctx is done.
//
// It starts no goroutine for the results of this module; see the package doc.
func WaitAll[R interface{ Done() <-chan struct{} }](ctx context.Context, rs ...R) error {
	var left atomic.Int64
	left.Store(int64(len(rs)) + 1) // one more for the registration loop itself
	all := make(chan struct{})
	arrive := func() {
		if left.Add(-1) == 0 {
			close(all)
		}
	}
	stops := make([]func() bool, 0, len(rs))
	for _, r := range rs {
		stops = append(stops, future.AfterFunc(r, arrive))
	}
	arrive()
	select {
	case <-all:
		return nil
	default:
	}
	select {
	case <-all:
		return nil
	case <-ctx.Done():
		for _, stop := range stops {
			stop()
		}
		return ctx.Err()
	}
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
