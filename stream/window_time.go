package stream

import (
	"context"
	"time"
)

// WindowTime returns a stream of the values of s in windows of time: every
// every, at the times start+every, start+2*every, ... after the start of the
// run, a slice of the values that arrived in the last size, in order. With
// every == size the windows tumble (each value is in one window, aligned to
// the run's start, unlike [BatchTime], whose time runs from each slice's
// first value); with every < size they slide, and a value is in about
// size/every consecutive windows. Slices are never empty: a window without
// values passes nothing on, and an idle source costs no wake-ups. When s
// ends, the window that would have closed next is passed on at once, cut
// short, if it holds values not passed on yet; when s fails, the values held
// are dropped and the error returned. Each slice is new and belongs to the
// receiver.
//
// It holds the values of the last size in memory (a queue whose slice is
// reused). s runs in a goroutine of its own, which WindowTime starts when
// the stream is run and stops and joins before the stream returns, on every
// path; one time.Timer per run. If ctx ends the stream returns its error; a
// panic in s becomes a [*future.PanicError], a runtime.Goexit in s the error
// future.ErrGoexit. WindowTime panics if s is nil, size <= 0, every <= 0 or
// every > size (values between windows would be dropped).
func WindowTime[T any](s Stream[T], size, every time.Duration) Stream[[]T] {
	mustStream(s, "WindowTime")
	switch {
	case size <= 0 || every <= 0:
		panic("stream: WindowTime with a non-positive duration")
	case every > size:
		panic("stream: WindowTime with a period longer than its window")
	}
	return func(ctx context.Context, yield func([]T) error) error {
		w := windows[T]{size: size, every: every, start: time.Now(), t: stoppedTimer(), yield: yield}
		defer w.t.Stop()
		return runClocked(ctx, s, &w)
	}
}

// windows is the state of one run of WindowTime.
type windows[T any] struct {
	size, every time.Duration
	start       time.Time
	t           *time.Timer
	fires       <-chan time.Time // t.C while values are held, else nil
	end         time.Time        // the end of the next window
	q           queue[timed[T]]  // the values of the last size, by arrival
	fresh       int              // values at the back of q in no window yet
	yield       func([]T) error
}

// arrive holds v, and starts the timer for the window v is in.
func (w *windows[T]) arrive(v T) error {
	now := time.Now()
	w.q.push(timed[T]{v, now})
	w.fresh++
	if w.fires == nil {
		w.end = w.start.Add((now.Sub(w.start)/w.every + 1) * w.every)
		w.arm()
	}
	return nil
}

func (w *windows[T]) due() <-chan time.Time { return w.fires }

func (w *windows[T]) arm() {
	w.t.Reset(time.Until(w.end))
	w.fires = w.t.C
}

// tick passes on the window that ends now, and arms the timer for the next
// one while values are held.
func (w *windows[T]) tick() error {
	end := w.end
	w.fires = nil
	w.expire(end)
	n := 0 // values that arrived before end: they are in this window
	for n < w.q.len() && w.q.at(n).at.Before(end) {
		n++
	}
	w.fresh = w.q.len() - n
	if w.q.len() > 0 {
		w.end = end.Add(w.every)
		w.arm()
	}
	if n == 0 {
		return nil
	}
	return w.yield(w.slice(n))
}

// ended passes on, when s has ended, the window that would have closed
// next, cut short, if it holds values not yet passed on.
func (w *windows[T]) ended() (bool, error) {
	if w.fresh == 0 {
		return false, nil
	}
	w.expire(w.end)
	return false, w.yield(w.slice(w.q.len()))
}

// expire drops the values that arrived before the window ending at end.
func (w *windows[T]) expire(end time.Time) {
	from := end.Add(-w.size)
	for w.q.len() > 0 && w.q.peek().at.Before(from) {
		w.q.pop()
	}
}

// slice returns a new slice of the first n values held.
func (w *windows[T]) slice(n int) []T {
	out := make([]T, n)
	for i := range out {
		out[i] = w.q.at(i).v
	}
	return out
}
