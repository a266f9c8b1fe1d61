package stream_test

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/goresult/goresult/stream"
)

// gated returns a ParallelMap function whose call for value i blocks until
// gates[i] is closed, and reports each start on started.
func gated(gates []chan struct{}, started chan<- int) func(context.Context, int) (int, error) {
	return func(ctx context.Context, i int) (int, error) {
		started <- i
		select {
		case <-gates[i]:
			return i, nil
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}

func makeGates(n int) []chan struct{} {
	gates := make([]chan struct{}, n)
	for i := range gates {
		gates[i] = make(chan struct{})
	}
	return gates
}

// TestParallelMapInputOrder finishes the calls in reverse order; the results
// must still come out in input order.
func TestParallelMapInputOrder(t *testing.T) {
	const n = 4
	gates := makeGates(n)
	started := make(chan int, n)
	s := stream.ParallelMap(stream.FromSlice([]int{0, 1, 2, 3}), n, stream.InputOrder, gated(gates, started))
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	values, done := s.ToChannel(ctx)
	for range n { // all four run at once
		<-started
	}
	for i := n - 1; i >= 0; i-- {
		close(gates[i])
	}
	var got []int
	for v := range values {
		got = append(got, v)
	}
	if err := done.Err(); err != nil {
		t.Fatalf("got error %v", err)
	}
	if want := []int{0, 1, 2, 3}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestParallelMapCompletionOrder releases the calls one at a time in the
// order 2, 0, 3, 1 and reads each result before releasing the next.
func TestParallelMapCompletionOrder(t *testing.T) {
	const n = 4
	gates := makeGates(n)
	started := make(chan int, n)
	s := stream.ParallelMap(stream.FromSlice([]int{0, 1, 2, 3}), n, stream.CompletionOrder, gated(gates, started))
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	values, done := s.ToChannel(ctx)
	for range n {
		<-started
	}
	for _, i := range []int{2, 0, 3, 1} {
		close(gates[i])
		if got := <-values; got != i {
			t.Errorf("after releasing %d: got %d, want %d", i, got, i)
		}
	}
	if _, ok := <-values; ok {
		t.Error("channel still open after the last value")
	}
	if err := done.Err(); err != nil {
		t.Errorf("got error %v", err)
	}
}

// TestParallelMapBound checks that no more than n calls run at once.
func TestParallelMapBound(t *testing.T) {
	for _, order := range []stream.Order{stream.InputOrder, stream.CompletionOrder} {
		var running, peak atomic.Int32
		f := func(_ context.Context, v int) (int, error) {
			r := running.Add(1)
			for p := peak.Load(); r > p && !peak.CompareAndSwap(p, r); p = peak.Load() {
			}
			defer running.Add(-1)
			return v, nil
		}
		got, err := stream.ParallelMap(upTo(1000), 3, order, f).Collect(t.Context())
		if err != nil || len(got) != 1000 {
			t.Fatalf("order %d: got %d values, %v; want 1000, nil", order, len(got), err)
		}
		if p := peak.Load(); p > 3 {
			t.Errorf("order %d: got %d calls at once, want at most 3", order, p)
		}
	}
}

// TestParallelMapErrorCancels checks that the first error of f cancels the
// ctx of the calls still running, and is the stream's error.
func TestParallelMapErrorCancels(t *testing.T) {
	for _, order := range []stream.Order{stream.InputOrder, stream.CompletionOrder} {
		f := func(ctx context.Context, v int) (int, error) {
			if v == 2 {
				return 0, errBoom
			}
			<-ctx.Done() // the others wait for the cancellation
			return 0, ctx.Err()
		}
		_, err := stream.ParallelMap(upTo(3), 3, order, f).Collect(t.Context())
		if !errors.Is(err, errBoom) {
			t.Errorf("order %d: got %v, want %v", order, err, errBoom)
		}
	}
}
