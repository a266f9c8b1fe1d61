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
	out := future.New[U]()
	future.AfterFunc(r, func() { follow(out, thenValue(r, f)) })
	return out
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

// follow settles out as next settles.
func follow[U any](out *future.Future[U], next future.Result[U]) {
	if next.IsDone() {
		forward(out, next)
		return
	}
	future.AfterFunc(next, func() { forward(out, next) })
}
