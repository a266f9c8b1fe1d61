package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// tally counts the outcomes of the requests, from every caller at once.
type tally struct {
	sent, ok, late atomic.Uint64
	outOfOrder     atomic.Uint64 // replies that arrived after one to a later request
	highest        atomic.Uint64 // the highest ID answered so far

	mu     sync.Mutex
	errors map[string]int // failures by message

	start time.Time
}

// arrived notes the reply to the call with this ID.
func (t *tally) arrived(id uint64) {
	for {
		h := t.highest.Load()
		if id < h {
			t.outOfOrder.Add(1)
			return
		}
		if t.highest.CompareAndSwap(h, id) {
			return
		}
	}
}

// fail counts a failure by its message.
func (t *tally) fail(err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.errors == nil {
		t.errors = make(map[string]int)
	}
	t.errors[err.Error()]++
}

// failures returns the number of failures.
func (t *tally) failures() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.count()
}

func (t *tally) failed() bool { return t.failures() > 0 }

// show starts a goroutine that writes the progress line on w every
// interval, in place (\r) if w is a terminal and as plain lines, at most
// one a second, otherwise. It returns the function that stops it, waits for
// it, and writes the last line. With a zero interval it does nothing.
func (t *tally) show(w io.Writer, every time.Duration, n int) (stop func()) {
	t.start = time.Now()
	if every == 0 {
		return func() {}
	}
	inPlace := isTerminal(w)
	if !inPlace {
		every = max(every, time.Second)
	}
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				t.progress(w, n, inPlace)
			case <-quit:
				return
			}
		}
	})
	return func() {
		close(quit)
		wg.Wait() // one writer at a time
		t.progress(w, n, inPlace)
		if inPlace {
			fmt.Fprintln(w)
		}
	}
}

// progress writes one progress line.
func (t *tally) progress(w io.Writer, n int, inPlace bool) {
	line := fmt.Sprintf("sent %6d/%d  ok %6d  failed %6d  %6.2fs",
		t.sent.Load(), n, t.ok.Load(), t.failures(), time.Since(t.start).Seconds())
	if inPlace {
		fmt.Fprint(w, "\r"+line)
		return
	}
	fmt.Fprintln(w, line)
}

// print writes the summary.
func (t *tally) print(w io.Writer, cfg config) {
	fmt.Fprintf(w, "%d requests over one connection, %d at a time\n", cfg.n, cfg.c)
	fmt.Fprintf(w, "ok          %6d  (%d answered out of order, each matched to its caller)\n", t.ok.Load(), t.outOfOrder.Load())
	fmt.Fprintf(w, "late        %6d  (replies, so far, after their caller gave up)\n", t.late.Load())
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, msg := range slices.Sorted(maps.Keys(t.errors)) {
		fmt.Fprintf(w, "failed      %6d  %s\n", t.errors[msg], msg)
	}
	if rest := cfg.n - int(t.ok.Load()) - t.count(); rest > 0 {
		fmt.Fprintf(w, "not sent    %6d  (the connection was gone)\n", rest)
	}
}

// count returns the failures; t.mu is held.
func (t *tally) count() int {
	n := 0
	for _, k := range t.errors {
		n += k
	}
	return n
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
