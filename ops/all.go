package ops

import (
	"sync/atomic"

	"github.com/goresult/goresult/future"
)

// All returns a result that settles with the values of rs, in the order of
// rs, once every one of them has succeeded. It fails as soon as one of them
// fails, with that result's error unchanged, without waiting for the others;
// they are left alone, not cancelled, and All's callbacks on them are
// removed. All of no results is an empty, non-nil slice.
//
// R is inferred from the arguments: a []*future.Task[T] passes as it is;
// results of different types mix as future.Result[T], in a
// []future.Result[T] or with explicit type arguments, as in
// All[int, future.Result[int]](task, Map(...)).
//
// All does not block. It registers a callback on each result with
// [future.AfterFunc]: no goroutine for the results of this module, and O(N)
// memory. It panics, with a "future:" message, if a result is nil.
func All[T any, R future.Result[T]](rs ...R) future.Result[[]T] {
	if len(rs) == 0 {
		return future.Resolved([]T{})
	}
	out := future.New[[]T]()
	vals := make([]T, len(rs))
	whenAll(rs, func(i int) { vals[i], _ = rs[i].Get() },
		func() { out.SetResult(vals) },
		func(err error) { out.SetError(err) })
	return out
}

// whenAll calls each(i) as rs[i] succeeds, then ok once all have succeeded,
// or fail with the first error instead; ok and fail are called at most once,
// and not both.
func whenAll[R future.Waitable](rs []R, each func(i int), ok func(), fail func(error)) {
	f := newFan(rs, false)
	var left atomic.Int64
	left.Store(int64(len(rs)))
	f.wire(func(i int) {
		if f.isDecided() {
			return
		}
		if err := rs[i].Err(); err != nil {
			if f.decide(i, true) {
				fail(err)
			}
			return
		}
		each(i)
		if left.Add(-1) == 0 && f.decide(-1, false) {
			ok()
		}
	})
}
