package stream

import "context"

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
// An error of either stream fails the zipped one. Once bs has ended, Zip ends
// as bs did (normally, or with bs's error): what as returns after being
// stopped is not news and is not reported, unless it is a panic. Zip panics
// if as, bs or f is nil.
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
		bsEnded, down := false, false
		err = as(g.ctx, func(a A) error {
			b, ok := <-bch // bs's goroutine closes bch whenever it returns
			if !ok {
				bsEnded = true
				return ErrStop
			}
			err := yieldDown(&st, yield, f(a, b))
			down = err != nil
			return err
		})
		if down || (!bsEnded && g.ctx.Err() == nil) || isFatal(err) {
			return err // downstream stopped as, as ended on its own, or a panic
		}
		// bs has ended (its end cancels g.ctx), or ctx has: what as did after
		// that is no news.
		return g.end(ctx)
	}
}
