package stream

import (
	"context"
	"errors"
)

// Stream is a cold, push-based sequence of values of type T.
//
// Running a stream, s(ctx, yield), calls yield with each value in turn and
// returns when the values are exhausted (nil), when yield returns an error
// (that error, unchanged, [ErrStop] included), when ctx ends (ctx.Err(), with its cause), or
// when the stream itself fails (its error). yield is called only from the
// goroutine that runs the stream, never concurrently, and never again once
// it has returned an error. A stream that starts goroutines has stopped and
// joined them all before it returns.
//
// A stream that ends early on its own decision (as Take does) returns nil,
// not ErrStop: ErrStop travels upstream from a yield, and a stream returns it
// only if its yield did. That is what lets [Concat] tell "this part is over"
// from "stop everything".
//
// Streams are values: running one twice runs its source twice. The zero
// Stream is nil: every function and method given one panics at the call.
type Stream[T any] func(ctx context.Context, yield func(T) error) error

var (
	// ErrStop is returned by a yield function, or by the function given to
	// ForEach or Generate, to stop a stream early without failing it.
	// Streams return it unchanged to their caller; sinks treat it as a
	// normal end and return nil.
	ErrStop = errors.New("stream: stopped")

	// ErrEmpty is the error of First and Last on a stream that ends
	// without a value.
	ErrEmpty = errors.New("stream: empty stream")
)

// stopped maps ErrStop, a normal end, to nil, for sinks.
func stopped(err error) error {
	if err == ErrStop {
		return nil
	}
	return err
}
