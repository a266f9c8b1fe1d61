package stream

import (
	"context"
	"errors"
)

// errDrained is the cause with which TakeUntil cancels its source.
var errDrained = errors.New("stream: drained")

// TakeUntil returns a stream of the values of s until drain ends: then it
// cancels the context s runs with, lets s return, and ends normally (nil),
// not with an error. It is a graceful drain for shutdown: put it right after
// the sources (a [Merge] of them, say), so that the stages after it keep
// running with the stream's own ctx, finish what they hold ([Stream.Buffer],
// [ParallelMap], the last slice of [BatchTime]) and see a normal end.
//
// Values s passes on after drain has ended, while it is noticing the
// cancellation, are passed on too: they were in flight. Every source of this
// package returns promptly once its ctx ends; a source of yours must too,
// else TakeUntil waits for it. If s returns an error other than the
// cancellation (one that errors.Is does not match to context.Canceled), that
// error is the stream's. If the stream's own ctx ends, the stream fails with
// its error as usual, drained or not; an error from downstream comes back
// unchanged.
//
// TakeUntil starts no goroutine of its own but the one context.AfterFunc
// starts when drain ends, which it waits for before it returns. TakeUntil
// panics if s or drain is nil.
func (s Stream[T]) TakeUntil(drain context.Context) Stream[T] {
	mustStream(s, "TakeUntil")
	if drain == nil {
		panic("stream: TakeUntil with a nil context")
	}
	return func(ctx context.Context, yield func(T) error) error {
		sctx, cancel := context.WithCancelCause(ctx)
		defer cancel(nil)
		defer onDone(drain, func() { cancel(errDrained) })()
		var down error
		err := s(sctx, func(v T) error {
			down = yield(v)
			return down
		})
		switch {
		case err == nil || err == down:
			return err
		case ctx.Err() != nil:
			return withCause(ctx, err)
		case context.Cause(sctx) == errDrained && (errors.Is(err, context.Canceled) || errors.Is(err, errDrained)):
			return nil
		}
		return err
	}
}
