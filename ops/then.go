package ops

import (
	"sync"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/internal/guard"
	"github.com/goresult/goresult/internal/nilcheck"
)

// Then chains a second asynchronous step after r (a flat map): once r
// settles with the value v, it calls f(v) and the returned result settles as
// the result f returned does. If r fails, the returned result fails with
// r's error, unchanged, and f is not called. Cancelling the returned result
// cancels r, or the result f returned once there is one.
//
// f runs as Map's function does (see the package doc), so it must only start
// the next step (a [future.Go] task, a request) and return its result, not
// wait for it. A retry or poll loop written as Then returning Then settles
// on a bounded stack however many times it goes round.
//
// If f panics, the returned result fails with a [*future.PanicError]; if f
// returns nil (a nil *future.Task, say), it fails with [ErrNilResult]. Then
// panics if r or f is nil.
func Then[T, U any](r future.Result[T], f func(T) future.Result[U]) future.Result[U] {
	if f == nil {
		panic("ops: Then with a nil function")
	}
	checkInput("Then", r)
	if !r.IsDone() {
		c := &chain[T, U]{r: r, f: f}
		future.Register(r, c)
		return c
	}
	next := thenValue(r, f, nil)
	if !next.IsDone() {
		c := &chain[T, U]{r: r, next: next}
		future.Register(next, c)
		return c
	}
	if _, ok := next.(future.Canceler); ok {
		return next
	}
	return settled(next.Get())
}

// chain is Then's output and its waiter, first on the input, then on the
// result f returns, in one allocation.
type chain[T, U any] struct {
	future.Future[U]
	r future.Result[T]
	f func(T) future.Result[U]

	mu    sync.Mutex
	next  future.Result[U] // set once f has returned a pending result
	cause error            // set by Cancel
}

func (c *chain[T, U]) Notify() {
	f := c.f
	if f == nil { // the second stage: next is set, before it was registered on
		forward(&c.Future, c.next)
		return
	}
	c.f = nil
	next := thenValue(c.r, f, func(err error) { c.SetError(err) })
	if next.IsDone() {
		forward(&c.Future, next)
		return
	}
	c.mu.Lock()
	c.next = next
	cause := c.cause
	c.mu.Unlock()
	if cause != nil {
		cancelResult(next, cause)
	}
	future.Register(next, c)
}

// Cancel cancels the input, or the result f returned, with cause.
func (c *chain[T, U]) Cancel(cause error) { cancelTree(c, cause) }

func (c *chain[T, U]) cancelInputs(cause error, push func(future.Doner)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cause == nil {
		c.cause = cause
	}
	if c.next != nil {
		push(c.next)
		return
	}
	push(c.r)
}

// thenValue returns the next result for the settled result r: f's, or a
// failed one.
func thenValue[T, U any](r future.Result[T], f func(T) future.Result[U], goexit func(error)) future.Result[U] {
	v, err := r.Get()
	if err != nil {
		return future.Failed[U](err)
	}
	next, err := guard.Call(func(v T) (future.Result[U], error) { return f(v), nil }, v, goexit)
	switch {
	case err != nil:
		return future.Failed[U](err)
	case nilcheck.Is(next):
		return future.Failed[U](ErrNilResult)
	}
	return next
}
