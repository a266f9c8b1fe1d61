package stream

import (
	"context"
	"errors"
)

// Stream is a cold, push-based sequence of values of type T.
//
// Running a stream, s(ctx, yield), calls yield with each value in turn, in
// the calling goroutine, and returns when the values are exhausted (nil), when
// yield returns an error (that error, unchanged), when ctx ends (ctx.Err()),
// or when the stream itself fails (its error). yield is never called
// concurrently, and never again once it has returned an error. A stream that
// starts goroutines has stopped them all before it returns.
//
// Streams are values: running one twice runs its source twice.
type Stream[T any] func(ctx context.Context, yield func(T) error) error

// ErrStop is returned by a yield function to stop a stream early without
// failing it. Sinks and operators that stop their upstream on their own (Take,
// a break out of Seq2) use it, and treat a stream that returns it as having
// ended normally.
var ErrStop = errors.New("stream: stopped")
