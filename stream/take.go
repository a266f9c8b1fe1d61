package stream

import "context"

// Take returns a stream of the first n values of s. Once it has passed on
// the n-th value it stops s, and every goroutine s started, and returns nil:
// a Take that ends its upstream is a normal end, not [ErrStop]. With n <= 0
// it does not run s at all.
func (s Stream[T]) Take(n int) Stream[T] {
	mustStream(s, "Take")
	return func(ctx context.Context, yield func(T) error) error {
		if n <= 0 {
			return nil
		}
		left, done := n, false
		err := s(ctx, func(v T) error {
			if err := yield(v); err != nil {
				return err
			}
			if left--; left == 0 {
				done = true
				return ErrStop
			}
			return nil
		})
		return ownStop(err, done)
	}
}

// TakeWhile returns a stream of the values of s up to, not including, the
// first one for which keep returns false; there it stops s and returns nil.
// TakeWhile panics if s or keep is nil.
func (s Stream[T]) TakeWhile(keep func(T) bool) Stream[T] {
	mustStream(s, "TakeWhile")
	if keep == nil {
		panic("stream: TakeWhile with a nil function")
	}
	return func(ctx context.Context, yield func(T) error) (err error) {
		var st stage
		defer st.recover(&err)
		done := false
		err = s(ctx, func(v T) error {
			if !keep(v) {
				done = true
				return ErrStop
			}
			return yieldDown(&st, yield, v)
		})
		return ownStop(err, done)
	}
}

// Skip returns a stream of the values of s after the first n. With n <= 0 it
// is s itself.
func (s Stream[T]) Skip(n int) Stream[T] {
	mustStream(s, "Skip")
	if n <= 0 {
		return s
	}
	return func(ctx context.Context, yield func(T) error) error {
		left := n
		return s(ctx, func(v T) error {
			if left > 0 {
				left--
				return nil
			}
			return yield(v)
		})
	}
}

// ownStop maps the ErrStop that an operator sent upstream itself (done) to a
// normal end; an ErrStop from downstream passes through unchanged.
func ownStop(err error, done bool) error {
	if done && err == ErrStop {
		return nil
	}
	return err
}
