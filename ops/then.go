package ops

import "github.com/goresult/goresult/future"

// Then chains a second asynchronous step after r (a flat map): once r
// settles with the value v, it calls f(v) and the returned result settles as
// the result f returned does. If r fails, the returned result fails with
// r's error, unchanged, and f is not called.
//
// Then does not block and starts no goroutine of its own: f runs in the
// goroutine that settles r, or at once in Then's caller if r is already
// settled, so f must only start the next step (a [future.Go] task, a
// request) and return its result, not wait for it. If r is already settled,
// Then returns f's result itself.
//
// If f panics, the returned result fails with a [*future.PanicError]; if f
// returns nil, it fails with [ErrNilResult]. Then panics if r or f is nil.
func Then[T, U any](r future.Result[T], f func(T) future.Result[U]) future.Result[U] {
	if f == nil {
		panic("ops: Then with a nil function")
	}
	if r == nil {
		panic("ops: Then of a nil result")
	}
	if r.IsDone() {
		return thenValue(r, f)
	}
	c := &chain[T, U]{r: r, f: f}
	register(r, c)
	return &c.out
}

// chain is Then's output and its waiter, first on the input, then on the
// result f returns, in one allocation.
type chain[T, U any] struct {
	out  future.Future[U]
	r    future.Result[T]
	f    func(T) future.Result[U]
	next future.Result[U] // set once f has returned a pending result
}

func (c *chain[T, U]) Notify() {
	if next := c.next; next != nil {
		c.next = nil
		forward(&c.out, next)
		return
	}
	next := thenValue(c.r, c.f)
	c.r, c.f = nil, nil
	if next.IsDone() {
		forward(&c.out, next)
		return
	}
	c.next = next
	register(next, c)
}

// thenValue returns the next result for the settled result r: f's, or a
// failed one.
func thenValue[T, U any](r future.Result[T], f func(T) future.Result[U]) future.Result[U] {
	v, err := r.Get()
	if err != nil {
		return future.Failed[U](err)
	}
	next, err := protect(func(v T) (future.Result[U], error) { return f(v), nil }, v)
	switch {
	case err != nil:
		return future.Failed[U](err)
	case next == nil:
		return future.Failed[U](ErrNilResult)
	}
	return next
}
