package stream

import (
	"context"
	"iter"
)

// All returns an iterator over the values of s for a range loop, and a
// function that reports why the last range over it ended, to call after the
// loop, as bufio.Scanner's Err is:
//
//	values, errf := s.All(ctx)
//	for v := range values {
//		use(v)
//	}
//	if err := errf(); err != nil {
//		return err
//	}
//
// It is [Stream.Seq2] with the error out of the loop: a loop over Seq2 that
// ignores the error (for v := range s.Seq2(ctx)) compiles and takes a failure
// for a zero value, while All's error function, once assigned, must be used
// or the program does not compile. errf returns nil after a normal end, an
// [ErrStop] or a break, and otherwise the stream's error (ctx's, with its
// cause, if ctx ended; a [*future.PanicError] if a function of the stream
// panicked). It returns nil before the first range, and the outcome of the
// last range once it has ended; call it from the goroutine that ranges.
//
// A break stops the stream and every goroutine it started before the loop
// goes on. A panic in the loop body is not recovered: it goes on as in any
// loop. The iterator runs s each time it is ranged over.
func (s Stream[T]) All(ctx context.Context) (values iter.Seq[T], errf func() error) {
	mustStream(s, "All")
	var last error
	values = func(yield func(T) bool) {
		last = nil
		var st stage
		err := s.runGuarded(ctx, &st, func(v T) error {
			if !yield(v) {
				return ErrStop
			}
			return nil
		})
		last = stopped(err)
	}
	return values, func() error { return last }
}
