package stream

import (
	"context"
	"time"
)

// Delay returns a stream of the values of s, each passed on d after it
// arrived, in order: the whole stream shifted by d in time. When s ends,
// the values still held are passed on at their times and then the stream
// ends; when s fails, they are dropped and the error returned at once. It
// holds every value of the last d in memory (a queue whose slice is reused:
// no allocation per value once it has grown). A slow consumer delays the
// values further, never reorders them: while it is busy, s is held back.
//
// s runs in a goroutine of its own, which Delay starts when the stream is
// run and stops and joins before the stream returns, on every path; values
// reach yield in the goroutine that runs the stream. One time.Timer per run:
// no goroutine per value. If ctx ends the stream returns its error; a panic
// in s becomes a [*future.PanicError], a runtime.Goexit in s the error
// future.ErrGoexit. Delay panics if s is nil or d <= 0.
func (s Stream[T]) Delay(d time.Duration) Stream[T] {
	mustStream(s, "Delay")
	if d <= 0 {
		panic("stream: Delay with a non-positive duration")
	}
	return func(ctx context.Context, yield func(T) error) error {
		g := newGroup(ctx)
		defer g.stop()
		ch := produceOwned(g, s)
		t := stoppedTimer()
		defer t.Stop()
		var q queue[timed[T]]
		var due <-chan time.Time // nil while q is empty
		for ch != nil || q.len() > 0 {
			select {
			case v, ok := <-ch:
				if !ok {
					if err := ended(ctx, g); err != nil {
						return err
					}
					ch = nil
					continue
				}
				if q.push(timed[T]{v, time.Now().Add(d)}); q.len() == 1 {
					t.Reset(d)
					due = t.C
				}
			case <-due:
				due = nil
				if err := passDue(&q, yield); err != nil {
					return err
				}
				if q.len() > 0 {
					t.Reset(time.Until(q.peek().at))
					due = t.C
				}
			case <-ctx.Done():
				return ctxEnd(ctx)
			}
		}
		return nil
	}
}

// passDue passes on the values of q that are due, in order.
func passDue[T any](q *queue[timed[T]], yield func(T) error) error {
	for q.len() > 0 && !q.peek().at.After(time.Now()) {
		if err := yield(q.pop().v); err != nil {
			return err
		}
	}
	return nil
}
