package stream

import (
	"context"
	"time"
)

// Throttle returns a stream that passes on at most one value of s per
// window of d. A window opens when a value arrives while none is open. With
// [Leading], that value is passed on at once and the others of the window
// are dropped. With [Trailing], the last value of the window is held and
// passed on when the window closes, and doing so opens the next window, so
// values passed on are at least d apart (but for one passed on as s ends).
// With Leading|Trailing, both: the first at once, and the last at the
// window's end if it is another one. Values dropped are gone; a value held
// when s ends is passed on at once, a value held when s fails is dropped and
// the error returned.
//
// With Leading alone, Throttle needs no timer: it runs s in the goroutine
// that runs the stream and reads the clock once per value (about the cost of
// a hand-written throttle). With Trailing, s runs in a goroutine of its own,
// which Throttle starts when the stream is run and stops and joins before the
// stream returns, on every path; values reach yield in the goroutine that
// runs the stream, and one time.Timer per run is all it uses: no goroutine
// and no allocation per value. If ctx ends the stream returns its error; a
// panic in s becomes a [*future.PanicError], a runtime.Goexit in s's own
// goroutine the error future.ErrGoexit. Throttle panics if s is nil, d <= 0,
// or edge is not Leading, Trailing or both.
func (s Stream[T]) Throttle(d time.Duration, edge Edge) Stream[T] {
	mustStream(s, "Throttle")
	switch {
	case d <= 0:
		panic("stream: Throttle with a non-positive duration")
	case !edge.valid():
		panic("stream: Throttle with an unknown Edge")
	case edge == Leading:
		return s.throttleLeading(d)
	}
	return func(ctx context.Context, yield func(T) error) error {
		th := throttle[T]{d: d, edge: edge, t: stoppedTimer(), yield: yield}
		defer th.t.Stop()
		return runClocked(ctx, s, &th)
	}
}

// throttle is the state of one run of Throttle.
type throttle[T any] struct {
	d      time.Duration
	edge   Edge
	t      *time.Timer
	closes <-chan time.Time // t.C while a window is open, else nil
	last   latest[T]        // the value held for the trailing edge
	yield  func(T) error
}

// arrive handles a value of s.
func (th *throttle[T]) arrive(v T) error {
	if th.closes == nil {
		th.open()
		if th.edge&Leading != 0 {
			return th.yield(v)
		}
	}
	if th.edge&Trailing != 0 {
		th.last.hold(v)
	}
	return nil
}

func (th *throttle[T]) due() <-chan time.Time { return th.closes }

// tick ends the open window: a held value is passed on and opens the next.
func (th *throttle[T]) tick() error {
	th.closes = nil
	if !th.last.held {
		return nil
	}
	th.open()
	return th.last.pass(th.yield)
}

// ended passes on the value held for the trailing edge, at once.
func (th *throttle[T]) ended() (bool, error) { return th.last.passHeld(th.yield) }

func (th *throttle[T]) open() {
	th.t.Reset(th.d)
	th.closes = th.t.C
}

// throttleLeading is Throttle(d, Leading): a value passes if no window is
// open, and opens one.
func (s Stream[T]) throttleLeading(d time.Duration) Stream[T] {
	return func(ctx context.Context, yield func(T) error) error {
		var end time.Time // of the open window; zero before the first
		return withCause(ctx, s(ctx, func(v T) error {
			now := time.Now()
			if now.Before(end) {
				return nil
			}
			end = now.Add(d)
			return yield(v)
		}))
	}
}
