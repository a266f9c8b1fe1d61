package stream_test

import (
	"context"
	"flag"
	"runtime/metrics"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goresult/goresult/stream"
)

var events = flag.Int("stream.events", 10_000, "events of TestTimeOperatorsPerEventCost (the issue's figure is 1000000)")

// ticking yields n values 1ms apart on one timer, allocating nothing per
// value.
func ticking(n int) stream.Stream[int] {
	return func(ctx context.Context, yield func(int) error) error {
		t := time.NewTimer(time.Hour)
		defer t.Stop()
		for i := range n {
			if err := waitUntil(ctx, t, time.Now().Add(ms)); err != nil {
				return err
			}
			if err := yield(i); err != nil {
				return err
			}
		}
		return nil
	}
}

// TestTimeOperatorsPerEventCost runs the operators of time over
// -stream.events events (10,000 unless told; 1,000 with -short) on the fake
// clock and checks that they start
// no goroutine and allocate nothing per event: the allocations of a whole
// run are those of a run of 10 events, and so are the goroutines it
// creates (counted by runtime/metrics).
func TestTimeOperatorsPerEventCost(t *testing.T) {
	n := *events
	if testing.Short() {
		n = min(n, 1000)
	}
	ops := map[string]func(stream.Stream[int]) stream.Stream[int]{
		"Debounce": func(s stream.Stream[int]) stream.Stream[int] { return s.Debounce(2 * ms) },
		"Throttle": func(s stream.Stream[int]) stream.Stream[int] { return s.Throttle(5*ms, stream.Leading|stream.Trailing) },
		"Sample":   func(s stream.Stream[int]) stream.Stream[int] { return s.Sample(5 * ms) },
		"Delay":    func(s stream.Stream[int]) stream.Stream[int] { return s.Delay(3 * ms) },
		"Timeout":  func(s stream.Stream[int]) stream.Stream[int] { return s.Timeout(2 * ms) },
	}
	for name, op := range ops {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				run := func(n int) (allocs float64, created uint64, passed int) {
					before := goroutinesCreated()
					allocs = testing.AllocsPerRun(1, func() { // a warm-up run and a measured one
						passed = 0
						if err := op(ticking(n)).ForEach(t.Context(), func(int) error { passed++; return nil }); err != nil {
							t.Fatalf("%d events: %v", n, err)
						}
					})
					return allocs, (goroutinesCreated() - before) / 2, passed
				}
				smallAllocs, smallCreated, _ := run(10)
				allocs, created, passed := run(n)
				t.Logf("%d events: %v allocations, %d goroutines created; 10 events: %v, %d", n, allocs, created, smallAllocs, smallCreated)
				if allocs > smallAllocs+2 || created > smallCreated || passed == 0 {
					t.Errorf("%d events: %v allocations, %d goroutines created, %d passed on; 10 events: %v, %d; want no more",
						n, allocs, created, passed, smallAllocs, smallCreated)
				}
			})
		})
	}
}

// goroutinesCreated returns the number of goroutines the process has created.
func goroutinesCreated() uint64 {
	s := []metrics.Sample{{Name: "/sched/goroutines-created:goroutines"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
