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
		sm := sampler[T]{ticker: time.NewTicker(d), yield: yield}
		defer sm.ticker.Stop()
		return runClocked(ctx, s, &sm)
	}
}

// sampler is the state of one run of Sample.
type sampler[T any] struct {
	ticker *time.Ticker
	last   latest[T] // the last value since the previous tick
	yield  func(T) error
}

func (sm *sampler[T]) arrive(v T) error {
	sm.last.hold(v)
	return nil
}

func (sm *sampler[T]) due() <-chan time.Time { return sm.ticker.C }

// tick passes on the value that arrived since the previous tick, if any.
func (sm *sampler[T]) tick() error {
	if !sm.last.held {
		return nil
	}
	return sm.last.pass(sm.yield)
}

func (sm *sampler[T]) ended() (bool, error) { return sm.last.passHeld(sm.yield) }
