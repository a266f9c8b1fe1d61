package ops

import (
	"sync/atomic"

	"github.com/goresult/goresult/future"
)

// AllSettled returns a result that settles once every result in rs has
// settled, successfully or not, with the results themselves in the order of
// rs: read the outcome of the i-th with its Get or Err. It never fails. Of no
// results it is an empty, non-nil slice.
//
// AllSettled does not block. It registers a callback on each result with
// [future.AfterFunc]: no goroutine for the results of this module, and O(N)
// memory. It panics, with a "future:" message, if a result is nil.
func AllSettled[T any, R future.Result[T]](rs ...R) future.Result[[]future.Result[T]] {
	res := make([]future.Result[T], len(rs))
	for i, r := range rs {
		res[i] = r
	}
	out := future.New[[]future.Result[T]]()
	c := &settleCount[T]{out: out, res: res}
	c.left.Store(int64(len(rs)) + 1) // one more for the registration loop
	for _, r := range rs {
		register(r, c)
	}
	c.Notify()
	return out
}

// settleCount settles out with res once it has been notified as many times
// as left says.
type settleCount[T any] struct {
	left atomic.Int64
	out  *future.Future[[]future.Result[T]]
	res  []future.Result[T]
}

func (c *settleCount[T]) Notify() {
	if c.left.Add(-1) == 0 {
		c.out.SetResult(c.res)
	}
}
