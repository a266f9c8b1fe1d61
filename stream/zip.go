package stream

import (
	"context"
	"iter"
)

// Zip returns a stream of f(a, b) for the pairs of values of as and bs taken
// in step: the first of each, then the second of each, and so on. It ends
// when either stream ends, and then stops the other.
//
// as runs in the calling goroutine; bs is pulled one value at a time with
// iter.Pull, so it runs as a coroutine, without parallelism, and is stopped
// before Zip returns. An error of either stream fails the zipped one; a panic
// in f, as or bs becomes a [*future.PanicError]. Zip panics if f is nil.
func Zip[A, B, R any](as Stream[A], bs Stream[B], f func(A, B) R) Stream[R] {
	if f == nil {
		panic("stream: Zip with a nil function")
	}
	return func(ctx context.Context, yield func(R) error) (err error) {
		var st stage
		defer st.recover(&err)
		next, stop := iter.Pull2(bs.Seq2(ctx))
		defer stop()
		done := false
		err = as(ctx, func(a A) error {
			b, berr, ok := next()
			if berr != nil {
				return berr
			}
			if !ok {
				done = true
				return ErrStop
			}
			return yieldDown(&st, yield, f(a, b))
		})
		return ownStop(err, done)
	}
}
