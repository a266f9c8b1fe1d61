package stream

import (
	"context"
	"sync/atomic"
)

// Merge returns a stream of the values of all of ss, run concurrently, in the
// order they arrive. Running it starts one goroutine per stream in ss; the
// values reach yield one at a time, in the goroutine that runs the merged
// stream. It ends when every stream has ended.
//
// The first error, of any stream or of yield, stops all of them; so do ctx
// ending and a stop from downstream. Whatever the reason, Merge has stopped
// and joined every goroutine it started before it returns. Merge of no
// streams is empty; Merge of
// one stream is that stream, run without a goroutine.
func Merge[T any](ss ...Stream[T]) Stream[T] {
	ss = append([]Stream[T](nil), ss...)
	for _, s := range ss {
		mustStream(s, "Merge")
	}
	switch len(ss) {
	case 0:
		return FromSlice[T](nil)
	case 1:
		return ss[0]
	}
	return func(ctx context.Context, yield func(T) error) error {
		g := newGroup(ctx)
		defer g.stop()
		ch := make(chan T)
		var left atomic.Int32
		left.Store(int32(len(ss)))
		for _, s := range ss {
			g.Go(func(ctx context.Context) error {
				defer func() {
					if left.Add(-1) == 0 {
						close(ch) // the last sender closes
					}
				}()
				return sendAll(ctx, s, ch)
			})
		}
		return consume(ctx, g, ch, yield)
	}
}
