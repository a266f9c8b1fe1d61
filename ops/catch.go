package ops

import (
	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/internal/guard"
)

// Catch recovers from a failure: the returned result settles with r's value
// if r succeeds, and with f(err) if r fails with err. f may inspect err
// (errors.Is, errors.As) and return a value in its place, or return an
// error, the same or another, to fail the result with it. Cancelling the
// result cancels r.
//
// f runs as Map's function does (see the package doc). Catch panics if r or
// f is nil.
func Catch[T any](r future.Result[T], f func(error) (T, error)) future.Result[T] {
	if f == nil {
		panic("ops: Catch with a nil function")
	}
	checkInput("Catch", r)
	if r.IsDone() {
		return settled(catchValue(r, f, nil))
	}
	c := &catching[T]{r: r, f: f}
	future.Register(r, c)
	return c
}

// catching is Catch's output and its waiter on the input, in one allocation.
type catching[T any] struct {
	future.Future[T]
	r future.Result[T]
	f func(error) (T, error)
}

func (c *catching[T]) Notify() {
	f := c.f
	c.f = nil
	v, err := catchValue(c.r, f, func(err error) { c.SetError(err) })
	settle(&c.Future, v, err)
}

// Cancel cancels the input, with cause.
func (c *catching[T]) Cancel(cause error) { cancelTree(c, cause) }

func (c *catching[T]) cancelInputs(_ error, push func(future.Doner)) { push(c.r) }

// catchValue returns the value of the settled result r, or what f makes of
// its error.
func catchValue[T any](r future.Result[T], f func(error) (T, error), goexit func(error)) (T, error) {
	v, err := r.Get()
	if err == nil {
		return v, nil
	}
	return guard.Call(f, err, goexit)
}
