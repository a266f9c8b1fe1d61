package stream

import "context"

// Tap returns a stream of the values of s, unchanged, calling f with each
// one before passing it on: for side effects (a log line, a counter, a
// metric) that must not change the values. f runs in the goroutine that runs
// the stream, one call per value; the stage allocates nothing per value. Tap
// panics if s or f is nil.
func (s Stream[T]) Tap(f func(T)) Stream[T] {
	mustStream(s, "Tap")
	if f == nil {
		panic("stream: Tap with a nil function")
	}
	return func(ctx context.Context, yield func(T) error) (err error) {
		var st stage
		defer st.recover(&err)
		return s(ctx, func(v T) error {
			f(v)
			return yieldDown(&st, yield, v)
		})
	}
}
