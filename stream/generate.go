package stream

import (
	"context"
	"time"

	"github.com/goresult/goresult/internal/ctxerr"
)

// Generate returns a stream of the values next returns, called again and
// again in the goroutine that runs the stream: a source for events read one
// at a time (a message from a connection, a line from a reader). The stream
// ends normally when next returns [ErrStop], fails with any other error of
// next, and returns ctx.Err() once ctx has ended (checked before each call;
// next is given ctx so that it can return from a blocking wait). Generate
// panics if next is nil.
func Generate[T any](next func(ctx context.Context) (T, error)) Stream[T] {
	if next == nil {
		panic("stream: Generate with a nil function")
	}
	return func(ctx context.Context, yield func(T) error) (err error) {
		var st stage
		defer st.recover(&err)
		for {
			if ctx.Err() != nil {
				return ctxerr.Of(ctx)
			}
			v, err := next(ctx)
			if err == ErrStop {
				return nil
			}
			if err != nil {
				return err
			}
			if err := yieldDown(&st, yield, v); err != nil {
				return err
			}
		}
	}
}

// Ticker returns an endless stream of the times of ticks d apart, as a
// time.Ticker delivers them (a slow consumer misses ticks rather than
// queueing them). Each run makes its own time.Ticker and stops it when the
// run ends: when ctx ends (it returns ctx.Err()) or downstream stops it (as
// Take does). It starts no goroutine. Ticker panics if d <= 0.
func Ticker(d time.Duration) Stream[time.Time] {
	if d <= 0 {
		panic("stream: Ticker with a non-positive interval")
	}
	return func(ctx context.Context, yield func(time.Time) error) error {
		t := time.NewTicker(d)
		defer t.Stop()
		for {
			select {
			case now := <-t.C:
				if err := yield(now); err != nil {
					return err
				}
			case <-ctx.Done():
				return ctxerr.Of(ctx)
			}
		}
	}
}
