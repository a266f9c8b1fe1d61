package main

import (
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"

	"github.com/samber/lo"
)

// handler handles batches of events and counts them. handle runs in the
// goroutine that runs the stream, one batch at a time; dropped is counted by
// the Filter, in another goroutine, so it is atomic.
type handler struct {
	w       io.Writer
	start   time.Time
	batches int
	counts  map[Kind]int
	dropped atomic.Int64
}

func newHandler(w io.Writer) *handler {
	return &handler{w: w, start: time.Now(), counts: map[Kind]int{}}
}

// handle prints one line for batch. A real program would store or forward
// the events here; an error returned from it would stop the stream.
func (h *handler) handle(batch []Event) error {
	h.batches++
	for _, e := range batch {
		h.counts[e.Kind]++
	}
	fmt.Fprintf(h.w, "%5.2fs %10s: %s\n", time.Since(h.start).Seconds(), count(len(batch), "event"), describe(batch))
	return nil
}

// describe sums a batch up: the mean of its readings, its actions, and
// whether it holds a heartbeat.
func describe(batch []Event) string {
	var parts []string
	if readings := lo.Filter(batch, is(Reading)); len(readings) > 0 {
		mean := lo.MeanBy(readings, func(e Event) float64 { return e.Celsius })
		parts = append(parts, fmt.Sprintf("%s, mean %.1f°C", count(len(readings), "reading"), mean))
	}
	for _, e := range lo.Filter(batch, is(Action)) {
		parts = append(parts, e.Source+" "+e.Action)
	}
	if lo.ContainsBy(batch, func(e Event) bool { return e.Kind == Heartbeat }) {
		parts = append(parts, "heartbeat")
	}
	return strings.Join(parts, "; ")
}

// is returns a predicate for lo.Filter that keeps events of kind k.
func is(k Kind) func(Event, int) bool {
	return func(e Event, _ int) bool { return e.Kind == k }
}

// printTotals prints the final count. Call it after the stream has ended.
func (h *handler) printTotals() {
	fmt.Fprintf(h.w, "handled %s in %s: %s, %s, %s; dropped %s\n",
		count(lo.Sum(lo.Values(h.counts)), "event"), count(h.batches, "batch"),
		count(h.counts[Heartbeat], "heartbeat"), count(h.counts[Reading], "reading"),
		count(h.counts[Action], "action"), count(int(h.dropped.Load()), "implausible reading"))
}

// count returns "1 reading", "2 readings", "2 batches".
func count(n int, noun string) string {
	switch {
	case n == 1:
		return "1 " + noun
	case strings.HasSuffix(noun, "ch"):
		return fmt.Sprintf("%d %ses", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
