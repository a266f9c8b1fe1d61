package stream

import "context"

// MapErr returns a stream of f(v) for each value v of s, in order, where f
// can fail: the first error of f fails the stream with that error, unchanged,
// and stops s. f may return [ErrStop] to end the stream there, normally. f
// runs in the goroutine that runs the stream; the stage costs a function call
// per value and allocates nothing per value. MapErr panics if s or f is nil.
//
// It has the shape of ops.Map's function, func(T) (R, error), so a step
// moves between a result and a stream unchanged; [Map] keeps its plain
// func(T) R for the functions that cannot fail, which are most of them.
func MapErr[T, R any](s Stream[T], f func(T) (R, error)) Stream[R] {
	mustStream(s, "MapErr")
	if f == nil {
		panic("stream: MapErr with a nil function")
	}
	return func(ctx context.Context, yield func(R) error) (err error) {
		var st stage
		defer st.recover(&err)
		done := false
		err = s(ctx, func(v T) error {
			r, err := f(v)
			if err != nil {
				done = err == ErrStop
				return err
			}
			return yieldDown(&st, yield, r)
		})
		return ownStop(err, done)
	}
}

// FilterMap returns a stream of the values f returns with true, in order:
// for each value v of s it calls f(v) and passes the result on only if f
// reports true, so one function both converts and drops (a parse that skips
// malformed input, a lookup that skips unknown keys). f runs in the goroutine
// that runs the stream; the stage allocates nothing per value. FilterMap
// panics if s or f is nil.
func FilterMap[T, R any](s Stream[T], f func(T) (R, bool)) Stream[R] {
	mustStream(s, "FilterMap")
	if f == nil {
		panic("stream: FilterMap with a nil function")
	}
	return func(ctx context.Context, yield func(R) error) (err error) {
		var st stage
		defer st.recover(&err)
		return s(ctx, func(v T) error {
			r, ok := f(v)
			if !ok {
				return nil
			}
			return yieldDown(&st, yield, r)
		})
	}
}
