package ops

import "github.com/goresult/goresult/future"

// Race returns a result that settles as the first of rs to settle does,
// with its value or its error: a failure can win. If several are settled
// already, the first of them in rs wins.
//
// Once the race is decided, Race removes its callbacks from the others, so a
// loser that stays pending long does not keep the winner alive, and cancels
// every loser that can be cancelled on its own (a [*future.Task] started
// with [future.GoContext] or [future.GoStart], or anything with a
// Cancel(error) method) with the cause [ErrLost]. Other results, such as a
// [*future.Future], are left alone.
//
// Race does not block and starts no goroutine for the results of this
// module; it costs O(N) memory. Race of no results fails with
// [ErrNoResults]. It panics, with a "future:" message, if a result is nil.
func Race[T any, R future.Result[T]](rs ...R) future.Result[T] {
	if len(rs) == 0 {
		return future.Failed[T](ErrNoResults)
	}
	out := future.New[T]()
	f := newFan(rs, true)
	f.wire(func(i int) {
		if f.decide(i, true) {
			forward(out, future.Result[T](rs[i]))
		}
	})
	return out
}
