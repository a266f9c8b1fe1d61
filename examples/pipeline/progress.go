package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/goresult/goresult/stream"
)

// progress counts what the stages have done. The stages run in different
// goroutines (ParallelMap runs its upstream in one of its own), so the
// counters are atomic.
type progress struct {
	read, malformed, filtered, kept, batches, reconnects atomic.Int64

	start time.Time
}

// show starts a goroutine that writes the progress line to w every
// interval, and returns the function that stops it: that function waits for
// the goroutine to exit, then writes the final line. On a terminal (inPlace)
// the line is rewritten in place and the final one ends with a newline;
// elsewhere (a log, a pipe) each is a line of its own, with no \r. With a
// zero interval show writes nothing and starts nothing.
func (p *progress) show(ctx context.Context, w io.Writer, every time.Duration, inPlace bool) (stop func()) {
	p.start = time.Now()
	if every == 0 {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		_ = stream.Ticker(every).ForEach(ctx, func(time.Time) error { // ends with ctx
			p.print(w, inPlace)
			return nil
		})
	})
	return func() {
		cancel()
		wg.Wait() // only one goroutine writes to w at a time
		p.print(w, inPlace)
		if inPlace {
			fmt.Fprintln(w)
		}
	}
}

// print writes the progress line. In place, \r goes back to the start of
// the line, and the fixed-width fields cover what was there.
func (p *progress) print(w io.Writer, inPlace bool) {
	start, end := "", "\n"
	if inPlace {
		start, end = "\r", ""
	}
	fmt.Fprintf(w, "%sread %6d  malformed %4d  filtered %5d  kept %6d  batches %4d  reconnects %3d  %6.2fs%s",
		start, p.read.Load(), p.malformed.Load(), p.filtered.Load(), p.kept.Load(), p.batches.Load(),
		p.reconnects.Load(), time.Since(p.start).Seconds(), end)
}

// isTerminal reports whether w is a terminal, where a line can be rewritten
// in place: a file that is a character device (os.ModeCharDevice), as a
// terminal is; a regular file or a pipe is not.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
