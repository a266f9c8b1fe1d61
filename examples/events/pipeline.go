package main

import (
	"context"
	"time"

	"github.com/goresult/goresult/stream"
)

// pipeline wires the sources and stages. Nothing runs until a sink (here
// ForEach, in run) runs the returned stream of output lines:
//
//	sources -> Merge -> TakeUntil(stop) -> Filter -> Share -+-> BatchTime -> batch line
//	                                                        +-> readings -> Throttle -> status line
//
// TakeUntil is the graceful drain: when stop ends it stops the sources and
// ends the stream normally, so that Share's consumers, and BatchTime's last
// unfinished batch, still pass on what the sources sent. Merge, Share,
// BatchTime and Throttle start goroutines when the stream runs and join
// them before it returns; so does userActions.
func pipeline(stop context.Context, cfg config, h *handler) stream.Stream[string] {
	events := stream.Merge(
		heartbeat(cfg.heartbeat),
		sensor("sensor-a", 40*time.Millisecond, cfg.seed),
		sensor("sensor-b", 70*time.Millisecond, cfg.seed+1),
		userActions(cfg.seed+2),
	).TakeUntil(stop).Filter(h.plausible)
	// One run of the events for both consumers, which start it together; a
	// slow consumer holds the sources back rather than losing events.
	shared := stream.Share(events, 2, 64, stream.Backpressure)
	batches := stream.Map(stream.BatchTime(shared.Stream(), cfg.batch, cfg.window), h.batch)
	readings := shared.Stream().Filter(func(e Event) bool { return e.Kind == Reading })
	status := stream.Map(readings.Throttle(cfg.status, stream.Leading|stream.Trailing), h.status)
	return stream.Merge(batches, status)
}
