package stream

import "context"

// Filter returns a stream of the values of s for which keep returns true, in
// order. keep runs in the goroutine that runs the stream; the stage costs a
// function call per value and allocates nothing. Filter panics if s or keep
// is nil.
func (s Stream[T]) Filter(keep func(T) bool) Stream[T] {
	mustStream(s, "Filter")
	if keep == nil {
		panic("stream: Filter with a nil function")
	}
	return func(ctx context.Context, yield func(T) error) (err error) {
		var st stage
		defer st.recover(&err)
		return s(ctx, func(v T) error {
			if !keep(v) {
				return nil
			}
			st.down = true
			err := yield(v)
			st.down = false
			return err
		})
	}
}

// Distinct returns a stream of the values of s that it has not seen before
// in this run, in order of first appearance. It remembers every distinct
// value in a map for the length of the run, so its memory grows with the
// number of distinct values. It is a function, not a method, because it needs
// a comparable T.
func Distinct[T comparable](s Stream[T]) Stream[T] {
	mustStream(s, "Distinct")
	return func(ctx context.Context, yield func(T) error) error {
		seen := make(map[T]struct{})
		return s(ctx, func(v T) error {
			if _, ok := seen[v]; ok {
				return nil
			}
			seen[v] = struct{}{}
			return yield(v)
		})
	}
}
