package ops

import (
	"sync/atomic"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/internal/notify"
)

// AllSettled returns a result that settles once every result in rs has
// settled, successfully or not, with the results themselves in the order of
// rs: read the outcome of the i-th with its Get or Err (each is done by
// then). It never fails. Of no results it is an empty, non-nil slice.
func AllSettled[T any, R future.Result[T]](rs ...R) future.Result[[]future.Result[T]] {
	checkInputs("AllSettled", rs)
	out := &settleCount[T]{res: make([]future.Result[T], len(rs))}
	for i, r := range rs {
		out.res[i] = r
	}
	out.left.Store(int64(len(rs)) + 1) // one more for the registration loop
	for _, r := range out.res {
		future.Register(r, out)
	}
	out.Notify()
	return out
}

// settleCount is AllSettled's output: it settles with res once it has been
// notified as many times as left says. It is a wake-up, so that each input
// is done before the output settles.
type settleCount[T any] struct {
	future.Future[[]future.Result[T]]
	notify.Wakeup
	left atomic.Int64
	res  []future.Result[T]
}

func (c *settleCount[T]) Notify() {
	if c.left.Add(-1) == 0 {
		c.SetResult(c.res)
	}
}

// Cancel cancels every input, with cause, unless the output is settled.
func (c *settleCount[T]) Cancel(cause error) { cancelTree(c, cause) }

func (c *settleCount[T]) cancelInputs(_ error, push func(future.Doner)) {
	for _, r := range c.res {
		push(r)
	}
}
