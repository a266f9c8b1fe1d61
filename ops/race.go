package ops

import "github.com/goresult/goresult/future"

// Race returns a result that settles as the first of rs to settle does,
// with its value or its error: a failure can win. If several are settled
// already, the first of them in rs wins.
//
// Once the race is decided, Race removes its callbacks from the others and
// cancels every loser that can be cancelled with the cause [ErrLost].
// Cancelling the returned result before the race is decided cancels every
// input. Race of no results fails with [ErrNoResults].
func Race[T any, R future.Result[T]](rs ...R) future.Result[T] {
	if len(rs) == 0 {
		return settled(*new(T), ErrNoResults)
	}
	out := new(fanOut[T, R])
	out.init("Race", rs, true)
	out.wire(func(i int) {
		if out.decide(i, true) {
			forward(&out.Future, future.Result[T](out.input(i)))
		}
	})
	return out
}

// fanOut is the output of an operator over many results, with its wiring.
type fanOut[T any, R future.Doner] struct {
	future.Future[T]
	fan[R]
}

// Cancel cancels every input, with cause, unless the output is decided.
func (o *fanOut[T, R]) Cancel(cause error) { cancelTree(o, cause) }
