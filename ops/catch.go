package ops

import "github.com/goresult/goresult/future"

// Catch recovers from a failure: the returned result settles with r's value
// if r succeeds, and with f(err) if r fails with err. f may inspect err
// (errors.Is, errors.As) and return a value in its place, or return an
// error, the same or another, to fail the result with it.
//
// Catch does not block and starts no goroutine: f runs in the goroutine that
// settles r, or at once in Catch's caller if r is already settled, and must
// be quick. If f panics, the result fails with a [*future.PanicError]. Catch
// panics if r or f is nil.
func Catch[T any](r future.Result[T], f func(error) (T, error)) future.Result[T] {
	if f == nil {
		panic("ops: Catch with a nil function")
	}
	if r == nil {
		panic("ops: Catch of a nil result")
	}
	if r.IsDone() {
		return settled(catchValue(r, f))
	}
	c := &catching[T]{r: r, f: f}
	register(r, c)
	return &c.out
}

// catching is Catch's output and its waiter on the input, in one allocation.
type catching[T any] struct {
	out future.Future[T]
	r   future.Result[T]
	f   func(error) (T, error)
}

func (c *catching[T]) Notify() {
	v, err := catchValue(c.r, c.f)
	c.r, c.f = nil, nil
	settle(&c.out, v, err)
}

// catchValue returns the value of the settled result r, or what f makes of
// its error.
func catchValue[T any](r future.Result[T], f func(error) (T, error)) (T, error) {
	v, err := r.Get()
	if err == nil {
		return v, nil
	}
	return protect(f, err)
}
