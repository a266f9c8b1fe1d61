package ops

import (
	"context"
	"sync"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/internal/ctxerr"
)

// FromChannel returns a result that settles with the first value received
// from ch: the channel lo.Async returns, or any channel that delivers one
// answer. It fails with [ErrClosedChannel] if ch is closed without a value,
// with ctx's error if ctx ends first (the value, if one comes later, is then
// left in ch), and at once with [ErrNilChannel] if ch is nil.
//
// If a value is ready, FromChannel takes it at once. Otherwise it starts one
// goroutine, which receives from ch and exits as soon as a value arrives, ch
// is closed or ctx ends: cancel ctx to release it when the value may never
// come. Cancelling the result stops the wait too: it fails with the cause.
//
// lo.Async2 of a (T, error) function sends a lo.Tuple2[T, error]:
// FromChannel then succeeds with the tuple even when it holds an error; use
// [Async] for such a function. FromChannel panics if ctx is nil.
func FromChannel[T any](ctx context.Context, ch <-chan T) future.Result[T] {
	if ctx == nil {
		panic("ops: FromChannel with a nil Context")
	}
	if ch == nil {
		return settled(*new(T), ErrNilChannel)
	}
	select {
	case v, ok := <-ch:
		return settled(received(v, ok))
	default:
	}
	out := &receiving[T]{quit: make(chan struct{})}
	go func() {
		select {
		case v, ok := <-ch:
			v, err := received(v, ok)
			settle(&out.Future, v, err)
		case <-ctx.Done():
			out.SetError(ctxerr.Of(ctx))
		case <-out.quit:
			out.SetError(out.cause)
		}
	}()
	return out
}

// receiving is FromChannel's output while its goroutine waits.
type receiving[T any] struct {
	future.Future[T]
	once  sync.Once
	quit  chan struct{} // closed by Cancel
	cause error         // written before quit is closed
}

// Cancel stops the wait: the result fails with cause, unless a value came
// first.
func (r *receiving[T]) Cancel(cause error) {
	if cause == nil {
		cause = future.ErrCancelled
	}
	r.once.Do(func() {
		r.cause = cause
		close(r.quit)
	})
}

func (*receiving[T]) cancelInputs(error, func(future.Doner)) {}

// received turns a receive from a channel into an outcome.
func received[T any](v T, ok bool) (T, error) {
	if !ok {
		return v, ErrClosedChannel
	}
	return v, nil
}

// Async runs fn in a new goroutine and returns a result that settles with
// what fn returns. The goroutine belongs to fn: it exits when fn returns, and
// nothing in this package can stop it sooner, so fn must watch a context of
// its own if it may run long. If fn panics, the panic is recovered and the
// result fails with a [*future.PanicError]; if fn calls runtime.Goexit, the
// result fails with [future.ErrGoexit].
//
// Async is for code with no task group; with one, prefer [future.Go], whose
// task reports its error (and a panic) to the group. Async panics if fn is
// nil.
func Async[T any](fn func() (T, error)) future.Result[T] {
	if fn == nil {
		panic("ops: Async with a nil function")
	}
	return future.Go(goroutine{}, fn)
}

// goroutine is a task group of one bare goroutine per task, which drops the
// task's error: the task keeps it.
type goroutine struct{}

func (goroutine) Go(f func() error) { go f() }

// ToChannel returns a channel that receives r's value once r succeeds and is
// then closed; if r fails, the channel is closed without a value (read r.Err
// for the error). The channel has a buffer of one, so nobody needs to read
// it: it never blocks a sender and leaves nothing behind.
//
// ToChannel does not block and starts no goroutine for the results of this
// module: the value is sent by a callback on r. For a result of another type,
// a goroutine waits for it and exits once it settles. It panics if r is nil.
func ToChannel[T any](r future.Result[T]) <-chan T {
	checkInput("ToChannel", r)
	ch := make(chan T, 1)
	future.AfterFunc(r, func() {
		if v, err := r.Get(); err == nil {
			ch <- v
		}
		close(ch)
	})
	return ch
}
