package stream_test

import (
	"context"
	"runtime"
	"time"

	"github.com/goresult/goresult/stream"
)

// ms is a millisecond of a synctest bubble's fake clock.
const ms = time.Millisecond

// event is a value of a scripted source or of a recording, and its time
// from the start of the run.
type event struct {
	at time.Duration
	v  int
}

// script is a source that yields each event's value at its time after the
// start of the run, then ends when the run has lasted end (if end is later
// than the last event). It waits on one timer, honouring ctx.
func script(end time.Duration, evs ...event) stream.Stream[int] {
	return func(ctx context.Context, yield func(int) error) error {
		start := time.Now()
		t := time.NewTimer(time.Hour)
		defer t.Stop()
		for _, e := range evs {
			if err := waitUntil(ctx, t, start.Add(e.at)); err != nil {
				return err
			}
			if err := yield(e.v); err != nil {
				return err
			}
		}
		return waitUntil(ctx, t, start.Add(end))
	}
}

// waitUntil waits on t until the time at, or returns ctx's error.
func waitUntil(ctx context.Context, t *time.Timer, at time.Time) error {
	d := time.Until(at)
	if d <= 0 {
		return ctx.Err()
	}
	t.Reset(d)
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// paced yields 1, 2, ... (up to n, or endless if n < 0), value i at
// i*10ms - 5ms, so that its values never fall on a multiple of 10ms; after
// the last value it ends at once, or, with then, runs then (a failure, a
// panic, a Goexit).
func paced(n int, then func() error) stream.Stream[int] {
	return func(ctx context.Context, yield func(int) error) error {
		start := time.Now()
		t := time.NewTimer(time.Hour)
		defer t.Stop()
		for i := 1; n < 0 || i <= n; i++ {
			if err := waitUntil(ctx, t, start.Add(time.Duration(i)*10*ms-5*ms)); err != nil {
				return err
			}
			if err := yield(i); err != nil {
				return err
			}
		}
		if then != nil {
			return then()
		}
		return nil
	}
}

func sourcePanic() error  { panic("source panic") }
func sourceGoexit() error { runtime.Goexit(); return nil }

// record runs s to its end and returns what it passed on, with times from
// the start of the run, and its error.
func record(ctx context.Context, s stream.Stream[int]) ([]event, error) {
	start := time.Now()
	var got []event
	err := s.ForEach(ctx, func(v int) error {
		got = append(got, event{time.Since(start), v})
		return nil
	})
	return got, err
}
