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
		dl := delayer[T]{d: d, t: stoppedTimer(), yield: yield}
		defer dl.t.Stop()
		return runClocked(ctx, s, &dl)
	}
}

// delayer is the state of one run of Delay.
type delayer[T any] struct {
	d     time.Duration
	t     *time.Timer
	fires <-chan time.Time // t.C while q holds values, else nil
	q     queue[timed[T]]  // the values held, each with its time to pass
	yield func(T) error
}

// arrive holds v until d from now.
func (dl *delayer[T]) arrive(v T) error {
	if dl.q.push(timed[T]{v, time.Now().Add(dl.d)}); dl.q.len() == 1 {
		dl.t.Reset(dl.d)
		dl.fires = dl.t.C
	}
	return nil
}

func (dl *delayer[T]) due() <-chan time.Time { return dl.fires }

// tick passes on the values that are due, and sets the timer for the next.
func (dl *delayer[T]) tick() error {
	dl.fires = nil
	if err := passDue(&dl.q, dl.yield); err != nil {
		return err
	}
	if dl.q.len() > 0 {
		dl.t.Reset(time.Until(dl.q.peek().at))
		dl.fires = dl.t.C
	}
	return nil
}

// ended keeps the run going while values wait for their time.
func (dl *delayer[T]) ended() (bool, error) { return dl.q.len() > 0, nil }

// passDue passes on the values of q that are due, in order.
func passDue[T any](q *queue[timed[T]], yield func(T) error) error {
	for q.len() > 0 && !q.peek().at.After(time.Now()) {
		if err := yield(q.pop().v); err != nil {
			return err
		}
	}
	return nil
}
