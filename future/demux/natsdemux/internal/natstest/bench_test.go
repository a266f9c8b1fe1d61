package natstest_test

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/future/demux/natsdemux"
	"github.com/goresult/goresult/future/demux/natsdemux/internal/natstest"
	"github.com/goresult/goresult/ops"
	"github.com/nats-io/nats.go"
)

// The requests of these benchmarks go over loopback to an embedded server
// and one echo responder on a connection of its own; each reports
// requests/s, the p50 and p99 latency of a request and the most goroutines
// seen while requests were in flight. Compare the rows with benchstat.
// testdata/bench.txt holds the runs natsdemux's doc quotes: the test
// binary run 5 times with -test.bench . -test.count 1, so that the rows
// alternate and share the machine's noise.

var payload = []byte("0123456789abcdef")

// rig is a server, an echo responder and a requesting connection.
type rig struct {
	url string
	nc  *nats.Conn
	c   *natsdemux.Client
}

func newRig(b *testing.B) *rig {
	s := natstest.Start(b)
	rnc := natstest.Connect(b, s.URL())
	sub, err := rnc.Subscribe("echo", func(m *nats.Msg) { _ = m.Respond(m.Data) })
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = sub.Unsubscribe() })
	if err := rnc.Flush(); err != nil {
		b.Fatal(err)
	}
	nc := natstest.Connect(b, s.URL())
	c, err := natsdemux.New(nc)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = c.Close() })
	return &rig{url: s.URL(), nc: nc, c: c}
}

// samples collects request latencies, the peak goroutine count and a
// request's error.
type samples struct {
	mu     sync.Mutex
	lat    []time.Duration
	peak   int
	failed atomic.Value // an error of a request, reported by report
}

func (s *samples) add(d time.Duration) {
	s.mu.Lock()
	s.lat = append(s.lat, d)
	s.mu.Unlock()
}

func (s *samples) goroutines() {
	n := runtime.NumGoroutine()
	s.mu.Lock()
	s.peak = max(s.peak, n)
	s.mu.Unlock()
}

// timed runs request, adding its latency, and keeping its error for report.
func (s *samples) timed(ctx context.Context, request func(context.Context) error) {
	start := time.Now()
	if err := request(ctx); err != nil {
		s.failed.Store(err)
	}
	s.add(time.Since(start))
}

// report fails b if a request failed, and otherwise reports requests/s over
// the b.Loop time, latencies and the peak.
func (s *samples) report(b *testing.B, requests int) {
	if err, _ := s.failed.Load().(error); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(requests)/b.Elapsed().Seconds(), "req/s")
	slices.Sort(s.lat)
	if n := len(s.lat); n > 0 {
		b.ReportMetric(float64(s.lat[n/2].Microseconds()), "p50-µs")
		b.ReportMetric(float64(s.lat[n*99/100].Microseconds()), "p99-µs")
	}
	b.ReportMetric(float64(s.peak), "goroutines")
	b.ReportMetric(0, "ns/op") // an op is a whole burst or loop: req/s says more
}

// burstSize is the burst's size, smaller with -short (CI's quick run).
func burstSize() int {
	if testing.Short() {
		return 1_000
	}
	return 10_000
}

func BenchmarkBurst(b *testing.B) {
	b.Run("goresult", func(b *testing.B) {
		r, n, s := newRig(b), burstSize(), &samples{}
		ctx := context.Background()
		calls := make([]*natsdemux.Call[*nats.Msg], n)
		total := 0
		for b.Loop() {
			for i := range calls {
				start := time.Now()
				calls[i] = r.c.Request(ctx, &nats.Msg{Subject: "echo", Data: payload})
				future.AfterFunc(calls[i], func() { s.add(time.Since(start)) })
			}
			s.goroutines()
			if err := ops.WaitAll(ctx, calls...); err != nil {
				b.Fatal(err)
			}
			for _, c := range calls {
				if err := c.Err(); err != nil {
					b.Fatal(err)
				}
			}
			total += n
		}
		s.report(b, total)
	})
	b.Run("RequestWithContext", func(b *testing.B) {
		r := newRig(b)
		burstOfGoroutines(b, func(ctx context.Context) error {
			_, err := r.nc.RequestWithContext(ctx, "echo", payload)
			return err
		}, burstSize(), 0)
	})
	b.Run("Request", func(b *testing.B) {
		r := newRig(b)
		burstOfGoroutines(b, func(context.Context) error {
			_, err := r.nc.Request("echo", payload, 10*time.Second)
			return err
		}, burstSize(), 0)
	})
	b.Run("ConnPerRequest", func(b *testing.B) {
		r := newRig(b)
		burstOfGoroutines(b, func(context.Context) error { return connPerRequest(r.url) }, burstSize()/10, 64)
	})
}

// burstOfGoroutines runs n requests at once, a goroutine each (at most
// limit connecting at once if limit is not 0).
func burstOfGoroutines(b *testing.B, request func(context.Context) error, n, limit int) {
	s := &samples{}
	ctx := context.Background()
	var sem chan struct{}
	if limit > 0 {
		sem = make(chan struct{}, limit)
	}
	total := 0
	for b.Loop() {
		var wg sync.WaitGroup
		for range n {
			wg.Go(func() {
				if sem != nil {
					sem <- struct{}{}
					defer func() { <-sem }()
				}
				s.timed(ctx, request)
			})
		}
		s.goroutines()
		wg.Wait()
		total += n
	}
	s.report(b, total)
}

// connPerRequest connects, sends one request and closes.
func connPerRequest(url string) error {
	nc, err := nats.Connect(url)
	if err != nil {
		return err
	}
	defer nc.Close()
	_, err = nc.Request("echo", payload, 10*time.Second)
	return err
}

func BenchmarkClosedLoop(b *testing.B) {
	for _, conc := range []int{1, 64, 1024} {
		perLoop := max(2_000, 4*conc) // requests per b.Loop iteration
		if testing.Short() {
			perLoop = conc * 2
		}
		b.Run(fmt.Sprintf("c=%d/goresult", conc), func(b *testing.B) {
			r := newRig(b)
			closedLoop(b, conc, perLoop, func(ctx context.Context) error {
				_, err := r.c.Request(ctx, &nats.Msg{Subject: "echo", Data: payload}).Await(ctx)
				return err
			})
		})
		b.Run(fmt.Sprintf("c=%d/RequestWithContext", conc), func(b *testing.B) {
			r := newRig(b)
			closedLoop(b, conc, perLoop, func(ctx context.Context) error {
				_, err := r.nc.RequestWithContext(ctx, "echo", payload)
				return err
			})
		})
		b.Run(fmt.Sprintf("c=%d/Request", conc), func(b *testing.B) {
			r := newRig(b)
			closedLoop(b, conc, perLoop, func(context.Context) error {
				_, err := r.nc.Request("echo", payload, 10*time.Second)
				return err
			})
		})
		if conc <= 64 {
			b.Run(fmt.Sprintf("c=%d/ConnPerRequest", conc), func(b *testing.B) {
				r := newRig(b)
				closedLoop(b, conc, max(conc, perLoop/20), func(context.Context) error { return connPerRequest(r.url) })
			})
		}
	}
}

// closedLoop runs perLoop requests per iteration from conc goroutines, each
// sending its next request once the last one is answered.
func closedLoop(b *testing.B, conc, perLoop int, request func(context.Context) error) {
	s := &samples{}
	ctx := context.Background()
	total := 0
	for b.Loop() {
		var left atomic.Int64
		left.Store(int64(perLoop))
		var wg sync.WaitGroup
		for range conc {
			wg.Go(func() {
				for left.Add(-1) >= 0 {
					s.timed(ctx, request)
				}
			})
		}
		s.goroutines()
		wg.Wait()
		total += perLoop
	}
	s.report(b, total)
}
