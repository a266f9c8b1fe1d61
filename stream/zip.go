package stream

import (
	"context"
	"errors"
)

// Zip returns a stream of f(a, b) for the pairs of values of as and bs taken
// in step: the first of each, then the second of each, and so on. It ends
// normally as soon as either stream has ended and its values are all paired,
// whichever the argument order and even while the other waits for its next
// value (RxJS's zip does the same); then it stops the other.
//
// as runs in the goroutine that runs the zipped stream, and bs in a goroutine
// of its own that Zip starts when the stream is run, one value ahead through
// an unbuffered channel; Zip stops and joins it before it returns, on every
// path. When bs ends, as's context is cancelled, so that an as waiting for an
// event stops waiting. Each pair costs a channel hop between the goroutines.
// An error of either stream fails the zipped one. Zip panics if as, bs or f
// is nil.
func Zip[A, B, R any](as Stream[A], bs Stream[B], f func(A, B) R) Stream[R] {
	mustStream(as, "Zip")
	mustStream(bs, "Zip")
	if f == nil {
		panic("stream: Zip with a nil function")
	}
	return func(ctx context.Context, yield func(R) error) (err error) {
		var st stage
		defer st.recover(&err)
		g := newGroup(ctx)
		defer g.stop()
		bch := make(chan B)
		g.Go(func(ctx context.Context) error {
			defer g.cancel() // bs has ended: wake as
			defer close(bch)
			return sendAll(ctx, bs, bch)
		})
		bsEnded := false
		err = as(g.ctx, func(a A) error {
			b, ok := <-bch // bs's goroutine closes bch whenever it returns
			if !ok {
				bsEnded = true
				return ErrStop
			}
			return yieldDown(&st, yield, f(a, b))
		})
		if !bsEnded && !(g.ctx.Err() != nil && errors.Is(err, g.ctx.Err())) {
			return err // as ended, failed, or downstream stopped it
		}
		// as stopped because bs ended or the group's context did.
		return g.end(ctx)
	}
}
