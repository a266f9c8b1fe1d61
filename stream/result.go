package stream

import (
	"context"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/internal/ctxerr"
	"github.com/goresult/goresult/internal/nilcheck"
)

// FromResult returns a stream of the one value of r: running it waits for r
// to settle (or ctx to end, then it returns ctx.Err()), then passes on r's
// value, or fails with r's error. FromResult panics if r is nil or a nil
// pointer (a typed nil).
func FromResult[T any](r future.Result[T]) Stream[T] {
	if nilcheck.Is(r) {
		panic("stream: FromResult with a nil result")
	}
	return func(ctx context.Context, yield func(T) error) error {
		v, err := r.Await(ctx)
		if err != nil && ctx.Err() != nil && !r.IsDone() {
			return ctxerr.Of(ctx) // a foreign result's Await may drop the cause
		}
		if err != nil {
			return err
		}
		return yield(v)
	}
}

// First runs s in a new goroutine and returns a task settled with its first
// value, or with [ErrEmpty] if it ends without one, or with its error
// (ctx.Err() if ctx ends first; a [*future.PanicError] if it panics). It
// returns at once: the task is a [future.Result], so a stream's first value
// can be raced or awaited with package ops like any other result.
//
// The goroutine is the task's: it stops the stream once it has the first
// value and exits when the stream returns, when ctx ends, or when the task's
// Cancel is called (the task then fails with the cancel cause's error, as
// [future.GoContext] describes). Wait for the task to know it has exited.
func (s Stream[T]) First(ctx context.Context) *future.Task[T] {
	mustStream(s, "First")
	return future.GoContext(ctx, goSpawner{}, func(ctx context.Context) (T, error) {
		var first T
		found := false
		err := s(ctx, func(v T) error {
			first, found = v, true
			return ErrStop
		})
		return settle(first, found, err)
	})
}

// Last runs s in a new goroutine and returns a task settled with its last
// value once it ends, or with [ErrEmpty] if it ends without one, or with its
// error; otherwise it behaves as [Stream.First] does. On an infinite stream
// the task settles only when ctx ends or the task is cancelled.
func (s Stream[T]) Last(ctx context.Context) *future.Task[T] {
	mustStream(s, "Last")
	return future.GoContext(ctx, goSpawner{}, func(ctx context.Context) (T, error) {
		var last T
		found := false
		err := s(ctx, func(v T) error {
			last, found = v, true
			return nil
		})
		return settle(last, found, err)
	})
}

// settle returns the outcome of First or Last.
func settle[T any](v T, found bool, err error) (T, error) {
	var zero T
	if err = stopped(err); err != nil {
		return zero, err
	}
	if !found {
		return zero, ErrEmpty
	}
	return v, nil
}

// goSpawner runs each function in a plain goroutine and drops its error,
// which the task it belongs to has recorded.
type goSpawner struct{}

func (goSpawner) Go(f func() error) {
	go func() { _ = f() }()
}
