package natstest_test

import (
	"context"
	"testing"
	"time"

	"github.com/goresult/goresult/future/demux/natsdemux"
	"github.com/goresult/goresult/future/demux/natsdemux/internal/natstest"
	"github.com/nats-io/nats.go"
)

// withServer returns a context that ends when the test does or after d, and
// an embedded server, stopped when the test ends.
func withServer(t *testing.T, d time.Duration) (context.Context, *natstest.Server) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), d)
	t.Cleanup(cancel)
	return ctx, natstest.Start(t)
}

// serve runs w on nc until the test ends, once its subscriptions are in
// place.
func serve[T, R any](t *testing.T, nc *nats.Conn, w natsdemux.Worker[T, R]) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	w.Started = func() { close(ready) }
	done := make(chan error, 1)
	go func() { done <- w.Serve(ctx, nc) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("Serve returned %v before it started", err)
	}
}

// client returns a Client on a new connection to s, closed when the test
// ends.
func client(t *testing.T, s *natstest.Server, opts ...natsdemux.Option) (*natsdemux.Client, *nats.Conn) {
	t.Helper()
	nc := natstest.Connect(t, s.URL())
	c, err := natsdemux.New(nc, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c, nc
}

// receive receives from ch, or fails the test with the message format
// (a fmt.Sprintf format with args) when ctx ends first.
func receive[T any](t *testing.T, ctx context.Context, ch <-chan T, format string, args ...any) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		t.Fatalf(format, args...)
		panic("unreachable") // t.Fatalf does not return
	}
}

// double is a worker function: it answers n with 2n.
func double(_ context.Context, n int) (int, error) { return 2 * n, nil }
