package stream

import (
	"context"

	"github.com/goresult/goresult/internal/ctxerr"
)

// Concat returns a stream of the values of each of ss in turn: each runs to
// its end, in the calling goroutine, before the next starts. The first error
// (of a stream, of yield, or ctx's) ends it, and the later streams are not
// run. Concat panics if one of ss is nil.
func Concat[T any](ss ...Stream[T]) Stream[T] {
	ss = append([]Stream[T](nil), ss...)
	for _, s := range ss {
		mustStream(s, "Concat")
	}
	return func(ctx context.Context, yield func(T) error) error {
		for _, s := range ss {
			if ctx.Err() != nil {
				return ctxerr.Of(ctx)
			}
			if err := s(ctx, yield); err != nil {
				return err
			}
		}
		return nil
	}
}
