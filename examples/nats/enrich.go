package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/goresult/goresult/future/demux/natsdemux"
	"github.com/goresult/goresult/stream"
)

// enrich runs c.n items through a ParallelMap stage served by the "enrich"
// workers: the same stage as stream.ParallelMap(items, n, order, f) with
// the function f moved to the workers by natsdemux.Remote.
func enrich(ctx context.Context, client *natsdemux.Client, c config, stdout, stderr io.Writer) error {
	items := make([]int, c.n)
	for i := range items {
		items[i] = i
	}
	remote := natsdemux.Remote(natsdemux.NewEndpoint[int, enriched](client, "enrich", nil, nil))
	stage := stream.ParallelMap(stream.FromSlice(items), c.inflight, stream.CompletionOrder, remote)

	p := &progress{total: c.n, byWorker: make([]atomic.Int64, c.workers+1)}
	stop := p.show(ctx, stderr, c.progress)
	err := stage.ForEach(ctx, func(e enriched) error {
		p.done.Add(1)
		p.byWorker[e.Worker].Add(1)
		return nil
	})
	stop()
	if err != nil {
		return err
	}
	elapsed := time.Since(p.start)
	fmt.Fprintf(stdout, "enrich: %d items by %d workers %v in %v (%.0f items/s)\n",
		p.done.Load(), c.workers, p.counts(), elapsed.Round(time.Millisecond), float64(p.done.Load())/elapsed.Seconds())
	return nil
}

// progress counts the enriched items, by worker.
type progress struct {
	total    int
	done     atomic.Int64
	byWorker []atomic.Int64 // by worker number; 0 unused
	start    time.Time
}

// counts returns how many items each worker enriched.
func (p *progress) counts() []int64 {
	var out []int64
	for i := 1; i < len(p.byWorker); i++ {
		out = append(out, p.byWorker[i].Load())
	}
	return slices.Clip(out)
}

// show rewrites a progress line on w every interval while the stage runs,
// if w is a terminal, and returns the function that stops it and ends the
// line. On anything else it writes the last line only, so logs hold one.
func (p *progress) show(ctx context.Context, w io.Writer, every time.Duration) (stop func()) {
	p.start = time.Now()
	if every == 0 {
		return func() {}
	}
	if !isTerminal(w) {
		return func() { p.print(w, "\n") }
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		_ = stream.Ticker(every).ForEach(ctx, func(time.Time) error {
			p.print(w, "")
			return nil
		})
	})
	return func() {
		cancel()
		wg.Wait()
		p.print(w, "\n")
	}
}

// print writes the progress line, from the start of the line, then end.
func (p *progress) print(w io.Writer, end string) {
	fmt.Fprintf(w, "\renrich: %6d/%d  by worker %v  %5.2fs%s", p.done.Load(), p.total, p.counts(), time.Since(p.start).Seconds(), end)
}

// isTerminal reports whether w is a character device, as a terminal is.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
