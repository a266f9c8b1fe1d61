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
	var left atomic.Int64
	left.Store(int64(len(rs)) + 1) // one more for the registration loop
	arrive := func() {
		if left.Add(-1) == 0 {
			out.SetResult(res)
		}
	}
	for _, r := range rs {
		future.AfterFunc(r, arrive)
	}
	arrive()
	return out
}
