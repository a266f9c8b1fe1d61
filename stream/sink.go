package stream

import "context"

// Collect runs s and returns its values in a new slice. It blocks until the
// stream ends. If the stream fails it returns the values so far and the
// error: ctx.Err() (with ctx's cause) if ctx ended, a [*future.PanicError] if a function of the
// stream panicked. A stream that returns [ErrStop] ends normally.
func (s Stream[T]) Collect(ctx context.Context) ([]T, error) {
	mustStream(s, "Collect")
	var out []T
	err := s.ForEach(ctx, func(v T) error {
		out = append(out, v)
		return nil
	})
	return out, err
}

// ForEach runs s, calling f with each value in the calling goroutine. It
// blocks until the stream ends, and returns nil when it ends normally or
// when f returns [ErrStop], and otherwise the first error: f's, the stream's,
// or ctx.Err() if ctx ended. A panic in f or in the stream is recovered and
// returned as a [*future.PanicError]. ForEach panics if f is nil.
func (s Stream[T]) ForEach(ctx context.Context, f func(T) error) (err error) {
	mustStream(s, "ForEach")
	if f == nil {
		panic("stream: ForEach with a nil function")
	}
	defer catch(&err)
	return stopped(s(ctx, f))
}

// Reduce runs s and folds its values into one: it returns f(...f(f(init,
// v0), v1)..., vN). It blocks until the stream ends; on failure it returns
// the accumulator so far and the error, as [Stream.ForEach] does. A panic in
// f or in the stream is returned as a [*future.PanicError]. Reduce panics if f
// is nil.
func Reduce[T, A any](ctx context.Context, s Stream[T], init A, f func(A, T) A) (A, error) {
	mustStream(s, "Reduce")
	if f == nil {
		panic("stream: Reduce with a nil function")
	}
	acc := init
	err := s.ForEach(ctx, func(v T) error {
		acc = f(acc, v)
		return nil
	})
	return acc, err
}
