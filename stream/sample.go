package stream

import (
	"context"
	"time"
)

// Sample returns a stream of the latest value of s every d: at each tick,
// d apart from the start of the run, the last value that arrived since the
// previous tick is passed on; a tick with no new value passes nothing on,
// and the values before the last of a period are dropped. When s ends, a
// value that arrived after the last tick is passed on at once; when s fails,
// it is dropped and the error returned.
//
// s runs in a goroutine of its own, which Sample starts when the stream is
// run and stops and joins before the stream returns, on every path; values
// reach yield in the goroutine that runs the stream. One time.Ticker per
// run: no goroutine and no allocation per value. If ctx ends the stream
// returns its error; a panic in s becomes a [*future.PanicError], a
// runtime.Goexit in s the error future.ErrGoexit. Sample panics if s is nil
// or d <= 0.
func (s Stream[T]) Sample(d time.Duration) Stream[T] {
	mustStream(s, "Sample")
	if d <= 0 {
		panic("stream: Sample with a non-positive interval")
	}
	return func(ctx context.Context, yield func(T) error) error {
		g := newGroup(ctx)
		defer g.stop()
		ch := produceOwned(g, s)
		tick := time.NewTicker(d)
		defer tick.Stop()
		var last, zero T
		fresh := false
		for {
			select {
			case v, ok := <-ch:
				if !ok {
					if err := ended(ctx, g); err != nil || !fresh {
						return err
					}
					return yield(last)
				}
				last, fresh = v, true
			case <-tick.C:
				if !fresh {
					continue
				}
				v := last
				last, fresh = zero, false
				if err := yield(v); err != nil {
					return err
				}
			case <-ctx.Done():
				return ctxEnd(ctx)
			}
		}
	}
}
