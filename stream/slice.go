package stream

import (
	"context"

	"github.com/goresult/goresult/internal/ctxerr"
)

// FromSlice returns a stream of the elements of xs, in order. It reads xs
// as it runs, so changes to xs before then are seen; it never writes to it.
// It checks ctx before each value and returns ctx.Err() (with ctx's cause)
// once ctx has ended.
func FromSlice[T any](xs []T) Stream[T] {
	return func(ctx context.Context, yield func(T) error) error {
		cancellable := ctx.Done() != nil // else ctx.Err() is always nil
		for _, v := range xs {
			if cancellable {
				if ctx.Err() != nil {
					return ctxerr.Of(ctx)
				}
			}
			if err := yield(v); err != nil {
				return err
			}
		}
		return nil
	}
}
