package stream

import "context"

// Scan returns a stream of running accumulations: for each value v of s it
// sets acc = f(acc, v), starting from init, and passes acc on. Each run starts
// again from init. To keep only the final value, use [Reduce]. Scan panics if
// s or f is nil.
func Scan[T, A any](s Stream[T], init A, f func(A, T) A) Stream[A] {
	mustStream(s, "Scan")
	if f == nil {
		panic("stream: Scan with a nil function")
	}
	return func(ctx context.Context, yield func(A) error) (err error) {
		var st stage
		defer st.recover(&err)
		acc := init
		return s(ctx, func(v T) error {
			acc = f(acc, v)
			return yieldDown(&st, yield, acc)
		})
	}
}
