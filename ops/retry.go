package ops

import (
	"context"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/stream"
)

// Retry calls fn, as a task of g, until it succeeds or b gives up, and
// returns the task: it settles with fn's first value, or with fn's last error
// once b allows no more retries (or for an error b does not retry). Between
// attempts it waits as b says, on a timer in the task's goroutine: the
// attempts run one after another in that one goroutine, never at once, and
// a policy is the same [stream.Backoff] that [stream.Stream.Retry] takes.
//
// The task is started with [future.GoContext], so it is cancellable like
// every result: its Cancel (or ops.Race, Any, Timeout or Until cancelling a
// loser) or ctx ending cancels the context given to fn and stops the retries
// at once, during an attempt or a wait; the task then fails with ctx's error
// and cause, which does not reach g. ctx's end, a panic in fn (the task fails
// with a [*future.PanicError]) and runtime.Goexit in fn (the task fails with
// [future.ErrGoexit]) are never retried. The final error reaches g, as a
// task's does.
//
// Retry panics if fn is nil ("ops:"), and as stream's Retry does ("stream:")
// if b is not a valid policy: one that would retry forever without a delay
// never runs.
func Retry[T any](ctx context.Context, g future.Spawner, b stream.Backoff, fn func(ctx context.Context) (T, error)) *future.Task[T] {
	if fn == nil {
		panic("ops: Retry with a nil function")
	}
	attempts := stream.Stream[T](func(ctx context.Context, yield func(T) error) error {
		v, err := fn(ctx)
		if err != nil {
			return err
		}
		return yield(v)
	}).Retry(b)
	return future.GoContext(ctx, g, func(ctx context.Context) (T, error) {
		var v T
		err := attempts(ctx, func(x T) error {
			v = x
			return nil
		})
		return v, err
	})
}
