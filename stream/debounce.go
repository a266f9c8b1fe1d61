package stream

import (
	"context"
	"time"
)

// Debounce returns a stream that passes a value of s on only once d has
// passed without a newer one: of a burst of values closer than d together,
// only the last comes through, d after it arrived. When s ends, a value
// still waiting is passed on at once; when s fails, it is dropped and the
// error returned.
//
// s runs in a goroutine of its own, which Debounce starts when the stream is
// run and stops and joins before the stream returns, on every path; values
// reach yield in the goroutine that runs the stream. One time.Timer per run
// is reset on each value: no goroutine and no allocation per value. If ctx
// ends the stream returns its error; a panic in s becomes a
// [*future.PanicError], a runtime.Goexit in s the error future.ErrGoexit.
// Debounce panics if s is nil or d <= 0.
func (s Stream[T]) Debounce(d time.Duration) Stream[T] {
	mustStream(s, "Debounce")
	if d <= 0 {
		panic("stream: Debounce with a non-positive duration")
	}
	return func(ctx context.Context, yield func(T) error) error {
		g := newGroup(ctx)
		defer g.stop()
		ch := produceOwned(g, s)
		t := stoppedTimer()
		defer t.Stop()
		var last, zero T
		var due <-chan time.Time // nil while no value waits
		for {
			select {
			case v, ok := <-ch:
				if !ok {
					if err := ended(ctx, g); err != nil || due == nil {
						return err
					}
					return yield(last)
				}
				last = v
				t.Reset(d)
				due = t.C
			case <-due:
				v := last
				last, due = zero, nil
				if err := yield(v); err != nil {
					return err
				}
			case <-ctx.Done():
				return ctxEnd(ctx)
			}
		}
	}
}

// stoppedTimer returns a time.Timer that is not running, for Reset.
func stoppedTimer() *time.Timer {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return t
}
