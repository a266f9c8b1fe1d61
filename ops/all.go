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
func All[T any, R future.Result[T]](rs ...R) future.Result[[]T] {
	if len(rs) == 0 {
		return settled([]T{}, nil)
	}
	out := new(allOut[[]T, R])
	vals := make([]T, len(rs))
	out.wireAll("All", rs, func(i int) { vals[i], _ = out.input(i).Get() },
		func() { out.SetResult(vals) })
	return out
}

// allOut is the output of All, Join2 and Join3: it settles once every input
// has succeeded, or with the first failure.
type allOut[T any, R future.Waitable] struct {
	fanOut[T, R]
	left atomic.Int64
}

// wireAll calls each(i) as input i succeeds, then ok once all have, or fails
// the output with the first error instead.
func (o *allOut[T, R]) wireAll(name string, rs []R, each func(i int), ok func()) {
	o.init(name, rs, false)
	o.left.Store(int64(len(rs)))
	o.wire(func(i int) {
		if o.isDecided() {
			return
		}
		if err := o.input(i).Err(); err != nil {
			if o.decide(i, true) {
				o.SetError(err)
			}
			return
		}
		each(i)
		if o.left.Add(-1) == 0 && o.decide(-1, false) {
			ok()
		}
	})
}
