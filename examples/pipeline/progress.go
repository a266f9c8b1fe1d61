package main

import (
	"context"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/goresult/goresult/stream"
)

// progress counts what the stages have done. The stages run in different
// goroutines (ParallelMap runs its upstream in one of its own), so the
// counters are atomic.
type progress struct {
	read, malformed, filtered, kept, batches atomic.Int64

	start time.Time
}

// show starts a goroutine that rewrites the progress line on w every
// interval, and returns the function that stops it: that function waits for
// the goroutine to exit, then writes the final line and a newline. With a
// zero interval show writes nothing and starts nothing.
func (p *progress) show(ctx context.Context, w io.Writer, every time.Duration) (stop func()) {
	p.start = time.Now()
	if every == 0 {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		_ = stream.Ticker(every).ForEach(ctx, func(time.Time) error { // ends with ctx
			p.print(w)
			return nil
		})
	})
	return func() {
		cancel()
		wg.Wait() // only one goroutine writes to w at a time
		p.print(w)
		fmt.Fprintln(w)
	}
}

// print rewrites the progress line in place: \r goes back to the start of
// the line, and the fixed-width fields cover what was there.
func (p *progress) print(w io.Writer) {
	fmt.Fprintf(w, "\rread %6d  malformed %4d  filtered %5d  kept %6d  batches %4d  %6.2fs",
		p.read.Load(), p.malformed.Load(), p.filtered.Load(), p.kept.Load(), p.batches.Load(),
		time.Since(p.start).Seconds())
}
