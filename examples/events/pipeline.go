package main

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"github.com/goresult/goresult/stream"
)

// pipeline wires the sources and stages. Nothing runs until a sink (here
// ForEach, in run) runs the returned stream. Merge and BatchTime start
// goroutines when it runs and join them before it returns; so does
// userActions.
func pipeline(stop context.Context, cfg config, dropped *atomic.Int64) stream.Stream[[]Event] {
	sources := stream.Merge(
		heartbeat(cfg.heartbeat),
		sensor("sensor-a", 40*time.Millisecond, cfg.seed),
		sensor("sensor-b", 70*time.Millisecond, cfg.seed+1),
		userActions(cfg.seed+2),
	)
	plausible := until(stop, sources).Filter(func(e Event) bool {
		if e.Kind == Reading && (e.Celsius < -40 || e.Celsius > 60) {
			dropped.Add(1) // Filter runs in BatchTime's goroutine: atomic
			return false
		}
		return true
	})
	return stream.BatchTime(plausible, cfg.batch, cfg.window)
}

// errSourcesStopped is the cause with which until cancels its stream.
var errSourcesStopped = errors.New("events: sources stopped")

// until returns a stream of the values of s until stop ends, when it stops s
// and ends normally, returning nil rather than an error: the stages after it
// see the end of their input, so BatchTime passes on its last, unfinished
// batch instead of dropping it. An end of the context the stream runs with
// is still an error, as usual.
func until[T any](stop context.Context, s stream.Stream[T]) stream.Stream[T] {
	return func(ctx context.Context, yield func(T) error) error {
		sctx, cancel := context.WithCancelCause(ctx)
		defer cancel(nil)
		defer onDone(stop, func() { cancel(errSourcesStopped) })()
		err := s(sctx, yield)
		if errors.Is(err, context.Canceled) && ctx.Err() == nil && errors.Is(context.Cause(sctx), errSourcesStopped) {
			return nil
		}
		return err
	}
}

// onDone calls f once ctx ends, as context.AfterFunc does, and returns the
// function that cancels the call; that function also waits for a call
// already under way, so no goroutine outlives it.
func onDone(ctx context.Context, f func()) (cancel func()) {
	called := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		defer close(called)
		f()
	})
	return func() {
		if !stop() {
			<-called
		}
	}
}
