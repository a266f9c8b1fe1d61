package main

import (
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"

	"github.com/samber/lo"
)

// handler turns batches of events and readings into output lines, and counts
// the events. batch runs in the goroutine of one branch of the output Merge,
// one batch at a time; dropped is counted by the Filter, in Share's
// goroutine, so it is atomic. Read the counts once the stream has ended.
type handler struct {
	start   time.Time
	batches int
	counts  map[Kind]int
	dropped atomic.Int64
}

func newHandler() *handler {
	return &handler{start: time.Now(), counts: map[Kind]int{}}
}

// plausible reports whether e is not an implausible reading, and counts the
// ones it drops.
func (h *handler) plausible(e Event) bool {
	if e.Kind == Reading && (e.Celsius < -40 || e.Celsius > 60) {
		h.dropped.Add(1)
		return false
	}
	return true
}

// batch counts a batch and returns its line. A real program would store or
// forward the events here.
func (h *handler) batch(batch []Event) string {
	h.batches++
	for _, e := range batch {
		h.counts[e.Kind]++
	}
	return fmt.Sprintf("%5.2fs %10s: %s", h.elapsed(), count(len(batch), "event"), describe(batch))
}

// status returns the line of the latest reading, at most one a -status.
func (h *handler) status(e Event) string {
	return fmt.Sprintf("%5.2fs     status: %s %.1f°C", h.elapsed(), e.Source, e.Celsius)
}

func (h *handler) elapsed() float64 { return time.Since(h.start).Seconds() }

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
func (h *handler) printTotals(w io.Writer) {
	fmt.Fprintf(w, "handled %s in %s: %s, %s, %s; dropped %s\n",
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
