package stream

import "context"

// Map returns a stream of f(v) for each value v of s, in order. f runs in the
// goroutine that runs the stream, one call per value; the stage costs a
// function call per value and allocates nothing per value. Map panics if s or
// f is nil.
func Map[T, R any](s Stream[T], f func(T) R) Stream[R] {
	mustStream(s, "Map")
	if f == nil {
		panic("stream: Map with a nil function")
	}
	return func(ctx context.Context, yield func(R) error) (err error) {
		var st stage
		defer st.recover(&err)
		return s(ctx, func(v T) error {
			r := f(v)
			st.down = true
			err := yield(r)
			st.down = false
			return err
		})
	}
}

// FlatMap returns a stream of the values of f(v) for each value v of s: each
// inner stream is run to its end, with the same ctx, before the next value of
// s is read (a concatenating flat map). An error of an inner stream fails the
// whole stream. For inner streams that should run concurrently, use
// [Merge]. FlatMap panics if s or f is nil.
func FlatMap[T, R any](s Stream[T], f func(T) Stream[R]) Stream[R] {
	mustStream(s, "FlatMap")
	if f == nil {
		panic("stream: FlatMap with a nil function")
	}
	return func(ctx context.Context, yield func(R) error) (err error) {
		var st stage
		defer st.recover(&err)
		emit := func(r R) error { return yieldDown(&st, yield, r) }
		return s(ctx, func(v T) error {
			return f(v)(ctx, emit)
		})
	}
}
