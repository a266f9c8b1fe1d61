package stream

import (
	"context"
	"errors"

	"github.com/goresult/goresult/future"
)

// Catch returns a stream of the values of s that, if s fails, goes on with
// the values of the fallback stream f returns for s's error: the values s
// passed on before it failed stay passed on, and the fallback's follow. If f
// returns nil the error goes on unchanged, so f chooses which errors to
// catch. The fallback's own error is not caught again.
//
// Only s's own errors are caught: an error from downstream, ctx's end, a
// panic ([*future.PanicError]) and [future.ErrGoexit] go on unchanged, so
// that no panic vanishes. f runs once per run, in the goroutine that runs the
// stream, and the fallback runs there too. Catch panics if s or f is nil.
func (s Stream[T]) Catch(f func(err error) Stream[T]) Stream[T] {
	mustStream(s, "Catch")
	if f == nil {
		panic("stream: Catch with a nil function")
	}
	return func(ctx context.Context, yield func(T) error) (err error) {
		var st stage
		defer st.recover(&err)
		down := false
		pass := func(v T) error {
			err := yieldDown(&st, yield, v)
			down = err != nil
			return err
		}
		err = s(ctx, pass)
		if err == nil || down || !recoverable(ctx, err) {
			return err
		}
		fallback := f(err)
		if fallback == nil {
			return err
		}
		return fallback(ctx, pass)
	}
}

// recoverable reports whether a stream's own error may be caught or retried:
// not ctx's end, a panic, Goexit or a stop.
func recoverable(ctx context.Context, err error) bool {
	return ctx.Err() == nil && err != ErrStop && !isFatal(err)
}

// isFatal reports whether err is a panic ([*future.PanicError]) or
// [future.ErrGoexit]: an error that no operator may drop or replace.
func isFatal(err error) bool {
	var pe *future.PanicError
	return errors.Is(err, future.ErrGoexit) || errors.As(err, &pe)
}
