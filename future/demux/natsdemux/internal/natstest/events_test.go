package natstest_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/future/demux"
	"github.com/goresult/goresult/future/demux/natsdemux"
	"github.com/goresult/goresult/future/demux/natsdemux/internal/natstest"
	"github.com/goresult/goresult/ops"
	"github.com/nats-io/nats.go"
)

// watched connects to s, reporting each disconnection on down and each
// reconnection on up.
func watched(t *testing.T, s *natstest.Server) (nc *nats.Conn, down, up <-chan struct{}) {
	d, u := make(chan struct{}, 8), make(chan struct{}, 8)
	nc = natstest.Connect(t, s.URL(),
		nats.DisconnectErrHandler(func(*nats.Conn, error) { d <- struct{}{} }),
		nats.ReconnectHandler(func(*nats.Conn) { u <- struct{}{} }))
	return nc, d, u
}

// await receives from ch or fails the test when ctx ends.
func await(t *testing.T, ctx context.Context, ch <-chan struct{}, what string) {
	t.Helper()
	receive(t, ctx, ch, "no %s before the test's deadline", what)
}

// gated is a worker that signals each request it starts on started and
// answers 2n once gate is closed, or fails with its context.
func gated(started chan<- struct{}, gate <-chan struct{}) func(context.Context, int) (int, error) {
	return func(ctx context.Context, n int) (int, error) {
		started <- struct{}{}
		select {
		case <-gate:
			return 2 * n, nil
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}

// held is n requests, from a client on a watched connection of its own,
// that a gated worker, on another, holds until gate is closed.
type held struct {
	c        *natsdemux.Client
	nc       *nats.Conn
	down, up <-chan struct{} // the client connection's disconnections and reconnections
	workerUp <-chan struct{} // the worker connection's reconnections
	gate     chan struct{}   // closed, the worker answers
	calls    []*natsdemux.Call[int]
	counts   []*atomic.Int32 // how many times each call settled
}

// holdRequests serves w on "double" with a gated function, sends n requests
// with the deadline timeout through a new client with opts, and returns once
// busy of them are at the worker. The client is closed when the test ends.
func holdRequests(t *testing.T, ctx context.Context, s *natstest.Server, w natsdemux.Worker[int, int], n, busy int, timeout time.Duration, opts ...natsdemux.Option) *held {
	t.Helper()
	wnc, _, wup := watched(t, s)
	started, gate := make(chan struct{}, n), make(chan struct{})
	w.Subject, w.Func = "double", gated(started, gate)
	serve(t, wnc, w)
	nc, down, up := watched(t, s)
	c, err := natsdemux.New(nc, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	ep := natsdemux.NewEndpoint[int, int](c, "double", nil, nil)
	rctx, cancel := context.WithTimeout(ctx, timeout)
	t.Cleanup(cancel)
	h := &held{c: c, nc: nc, down: down, up: up, workerUp: wup, gate: gate, calls: make([]*natsdemux.Call[int], n)}
	for i := range h.calls {
		h.calls[i] = ep.Request(rctx, i)
	}
	h.counts = settles(h.calls)
	for range busy {
		await(t, ctx, started, "request at the worker")
	}
	return h
}

// restart restarts s and waits until both connections are back.
func (h *held) restart(t *testing.T, ctx context.Context, s *natstest.Server) {
	t.Helper()
	s.Restart(t)
	await(t, ctx, h.up, "client reconnection")
	await(t, ctx, h.workerUp, "worker reconnection")
}

// settles counts how many times each call settles.
func settles(calls []*natsdemux.Call[int]) []*atomic.Int32 {
	counts := make([]*atomic.Int32, len(calls))
	for i, call := range calls {
		counts[i] = new(atomic.Int32)
		future.AfterFunc(call, func() { counts[i].Add(1) })
	}
	return counts
}

// checkSettledOnce fails the test unless every call settled exactly once,
// with 2i or an error that matches one of allowed, and returns how many
// got their value.
func checkSettledOnce(t *testing.T, c *natsdemux.Client, calls []*natsdemux.Call[int], counts []*atomic.Int32, allowed ...error) (values int) {
	t.Helper()
	for i, call := range calls {
		if n := counts[i].Load(); n != 1 {
			t.Fatalf("request %d settled %d times, want once", i, n)
		}
		got, err := call.Get()
		switch {
		case err == nil && got == 2*i:
			values++
		case err == nil:
			t.Fatalf("request %d: got %d, want %d", i, got, 2*i)
		default:
			ok := false
			for _, a := range allowed {
				ok = ok || errors.Is(err, a)
			}
			if !ok {
				t.Fatalf("request %d: got the error %v, want one matching one of %v", i, err, allowed)
			}
		}
	}
	st := c.Stats()
	if st.Pending != 0 || int(st.Completed+st.Failed+st.Cancelled) != len(calls) {
		t.Errorf("got stats %+v, want nothing pending and %d settled", st, len(calls))
	}
	return values
}

func TestServerRestartMidFlight(t *testing.T) {
	const n, busy = 500, 64
	tests := []struct {
		name string
		opts []natsdemux.Option
		want error // the error of the requests that did not get their value
	}{
		{"requests wait for their deadline", nil, context.DeadlineExceeded},
		{"requests fail on disconnect", []natsdemux.Option{natsdemux.FailOnDisconnect()}, demux.ErrConnLost},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, s := withServer(t, 30*time.Second)
			h := holdRequests(t, ctx, s, natsdemux.Worker[int, int]{Queue: "q", N: busy}, n, busy, 5*time.Second, tt.opts...)

			s.Stop()
			await(t, ctx, h.down, "disconnection")
			h.restart(t, ctx, s)
			if err := h.nc.Flush(); err != nil { // the inbox is subscribed again
				t.Fatal(err)
			}
			close(h.gate)

			if err := ops.WaitAll(ctx, h.calls...); err != nil {
				t.Fatal(err)
			}
			// A request that reached the server after the worker's
			// connection was shut down, and before the client's, had no
			// responders.
			values := checkSettledOnce(t, h.c, h.calls, h.counts, tt.want, nats.ErrNoResponders)
			if tt.want == demux.ErrConnLost && values != 0 {
				t.Errorf("got %d values, want every request failed by the disconnection", values)
			}
			if tt.want != demux.ErrConnLost && values < busy {
				t.Errorf("got %d values, want at least the %d replies sent after the restart", values, busy)
			}
		})
	}
}

func TestDownLongerThanTheDeadline(t *testing.T) {
	const n = 50
	ctx, s := withServer(t, 30*time.Second)
	h := holdRequests(t, ctx, s, natsdemux.Worker[int, int]{N: n}, n, n, 300*time.Millisecond)
	s.Stop()
	await(t, ctx, h.down, "disconnection")
	if err := ops.WaitAll(ctx, h.calls...); err != nil { // while the server is down
		t.Fatal(err)
	}
	h.restart(t, ctx, s)
	close(h.gate)
	if values := checkSettledOnce(t, h.c, h.calls, h.counts, context.DeadlineExceeded); values != 0 {
		t.Errorf("got %d values, want every request past its deadline", values)
	}
}

func TestRequestsWhileDown(t *testing.T) {
	const n = 100
	tests := []struct {
		name string
		opts []natsdemux.Option
		want error // nil: every request gets its value
	}{
		{"buffered until the reconnection", []natsdemux.Option{natsdemux.RetryNoResponders(10 * time.Millisecond)}, nil},
		{"failed at once", []natsdemux.Option{natsdemux.FailOnDisconnect()}, demux.ErrConnLost},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, s := withServer(t, 30*time.Second)
			serve(t, natstest.Connect(t, s.URL()), natsdemux.Worker[int, int]{Subject: "double", Queue: "q", N: 4, Func: double})
			nc, down, up := watched(t, s)
			c, err := natsdemux.New(nc, tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			ep := natsdemux.NewEndpoint[int, int](c, "double", nil, nil)
			s.Stop()
			await(t, ctx, down, "disconnection")
			calls := make([]*natsdemux.Call[int], n)
			for i := range calls {
				calls[i] = ep.Request(ctx, i)
			}
			counts := settles(calls)
			if tt.want != nil {
				for i, call := range calls {
					if err := call.Err(); !errors.Is(err, tt.want) {
						t.Fatalf("request %d: got %v at once, want an error matching %v", i, err, tt.want)
					}
				}
			}
			s.Restart(t)
			await(t, ctx, up, "client reconnection")
			if err := ops.WaitAll(ctx, calls...); err != nil {
				t.Fatal(err)
			}
			values := checkSettledOnce(t, c, calls, counts, demux.ErrConnLost)
			if tt.want == nil && values != n {
				t.Errorf("got %d values, want %d", values, n)
			}
		})
	}
}
