package stream

import (
	"context"
	"iter"

	"github.com/goresult/goresult/internal/ctxerr"
)

// FromSeq returns a stream of the values of seq, in order. Running the
// stream ranges over seq in the calling goroutine; stopping the stream
// (an error from yield, or ctx ending, checked before each value) stops the
// range, as a break would. FromSeq panics if seq is nil.
func FromSeq[T any](seq iter.Seq[T]) Stream[T] {
	if seq == nil {
		panic("stream: FromSeq with a nil sequence")
	}
	return func(ctx context.Context, yield func(T) error) (err error) {
		var st stage
		defer st.recover(&err)
		cancellable := ctx.Done() != nil // else ctx.Err() is always nil
		for v := range seq {
			if cancellable {
				if ctx.Err() != nil {
					return ctxerr.Of(ctx)
				}
			}
			if err = yieldDown(&st, yield, v); err != nil {
				return err
			}
		}
		return nil
	}
}

// Seq2 returns an iterator over the values of s for a range loop:
//
//	for v, err := range s.Seq2(ctx) {
//		if err != nil {
//			return err // the stream failed; this is the last pair
//		}
//		use(v)
//	}
//
// Each value comes with a nil error. If the stream fails, the last pair holds
// the zero value and the error (ctx.Err() if ctx ended, a [*future.PanicError]
// if a function of the stream panicked); a stream that ends normally, or by
// [ErrStop], yields no error. A break stops the stream and every goroutine it
// started before the loop goes on. A panic in the loop body is not recovered:
// it goes on as in any loop. The iterator runs s each time it is ranged over.
//
// A loop that ignores the error (for v := range s.Seq2(ctx)) compiles and
// takes a failure for a zero value; [Stream.All] keeps the error out of the
// loop, where it cannot be dropped unseen.
func (s Stream[T]) Seq2(ctx context.Context) iter.Seq2[T, error] {
	mustStream(s, "Seq2")
	return func(yield func(T, error) bool) {
		var st stage
		broke := false
		err := s.runGuarded(ctx, &st, func(v T) error {
			if !yield(v, nil) {
				broke = true
				return ErrStop
			}
			return nil
		})
		if err = stopped(err); err != nil && !broke {
			var zero T
			yield(zero, err)
		}
	}
}

// runGuarded runs s, turning panics outside downstream into an error.
func (s Stream[T]) runGuarded(ctx context.Context, st *stage, yield func(T) error) (err error) {
	defer st.recover(&err)
	return s(ctx, func(v T) error { return yieldDown(st, yield, v) })
}
