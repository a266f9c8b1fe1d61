package stream_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"

	"github.com/goresult/goresult/stream"
)

// runs wraps s, counting its runs in n and its returns in done.
func runs(s stream.Stream[int], n, done *atomic.Int64) stream.Stream[int] {
	return func(ctx context.Context, yield func(int) error) error {
		n.Add(1)
		defer done.Add(1)
		return s(ctx, yield)
	}
}

// TestShareAll: consumers that join before the start each get every value
// of one run of the source.
func TestShareAll(t *testing.T) {
	var started, returned atomic.Int64
	sh := stream.Share(runs(upTo(1000), &started, &returned), 4, 16, stream.Backpressure)
	got := make([][]int, 4)
	errs := make([]error, 4)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() { got[i], errs[i] = sh.Stream().Collect(t.Context()) })
	}
	wg.Wait()
	for i := range 4 {
		if errs[i] != nil || !slices.Equal(got[i], upToSlice(1000)) {
			t.Errorf("consumer %d: got %d values, %v; want 1..1000, nil", i, len(got[i]), errs[i])
		}
	}
	if started.Load() != 1 || returned.Load() != 1 || sh.Dropped() != 0 {
		t.Errorf("got %d runs, %d returns, %d dropped; want 1, 1, 0", started.Load(), returned.Load(), sh.Dropped())
	}
}

// TestShareError: every consumer gets the values before the source's error,
// then the error.
func TestShareError(t *testing.T) {
	sh := stream.Share(failing(errBoom), 2, 1, stream.Backpressure)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			got, err := sh.Stream().Collect(t.Context())
			if !errors.Is(err, errBoom) || !slices.Equal(got, []int{1, 2, 3}) {
				t.Errorf("got %v, %v; want [1 2 3], %v", got, err, errBoom)
			}
		})
	}
	wg.Wait()
}

// slowConsumer starts a consumer of sh that takes one value, then waits for
// gate, then takes the rest; it returns what it got on the channel.
func slowConsumer(ctx context.Context, sh *stream.Shared[int], gate <-chan struct{}) <-chan []int {
	out := make(chan []int, 1)
	go func() {
		var got []int
		_ = sh.Stream().ForEach(ctx, func(v int) error {
			if got = append(got, v); len(got) == 1 {
				<-gate
			}
			return nil
		})
		out <- got
	}()
	return out
}

// TestShareBackpressure: a consumer that does not take its values holds the
// source back once its buffer is full, and with it every consumer.
func TestShareBackpressure(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var produced atomic.Int64
		sh := stream.Share(counted(upTo(100), &produced), 2, 4, stream.Backpressure)
		gate := make(chan struct{})
		slow := slowConsumer(t.Context(), sh, gate)
		synctest.Wait() // slow has joined first: the source passes to it first
		var fast atomic.Int64
		fastDone := make(chan error)
		go func() {
			fastDone <- sh.Stream().ForEach(t.Context(), func(int) error { fast.Add(1); return nil })
		}()
		synctest.Wait()
		// slow holds 1 and has 2..5 buffered; the source is stuck passing 6
		// to it, before passing it to fast.
		if produced.Load() != 6 || fast.Load() != 5 {
			t.Errorf("with a stuck consumer: %d produced, %d to the other consumer; want 6, 5", produced.Load(), fast.Load())
		}
		close(gate)
		if got := <-slow; !slices.Equal(got, upToSlice(100)) {
			t.Errorf("slow consumer: got %d values, want 100", len(got))
		}
		if err := <-fastDone; err != nil || fast.Load() != 100 || sh.Dropped() != 0 {
			t.Errorf("fast consumer: got %d values, %v, %d dropped; want 100, nil, 0", fast.Load(), err, sh.Dropped())
		}
	})
}

// TestShareDrop: with DropNewest a consumer that does not take its values
// loses what does not fit its buffer, counted, and holds no one back.
func TestShareDrop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sh := stream.Share(paced(100, nil), 2, 4, stream.DropNewest)
		gate := make(chan struct{})
		slow := slowConsumer(t.Context(), sh, gate)
		fast, err := sh.Stream().Collect(t.Context())
		if err != nil || !slices.Equal(fast, upToSlice(100)) {
			t.Errorf("fast consumer: got %d values, %v; want 100, nil", len(fast), err)
		}
		close(gate)
		// slow took 1, buffered 2..5, and lost 6..100.
		if got := <-slow; !slices.Equal(got, upToSlice(5)) || sh.Dropped() != 95 {
			t.Errorf("slow consumer: got %v, %d dropped; want [1 2 3 4 5], 95", got, sh.Dropped())
		}
	})
}

// TestShareJoinLeave: a consumer joining a run sees the values from then on;
// the source stops when the last consumer leaves, and the next consumer
// starts a new run.
func TestShareJoinLeave(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var started, returned atomic.Int64
		sh := stream.Share(runs(paced(-1, nil), &started, &returned), 1, 4, stream.Backpressure)
		joined := make(chan []int)
		first, err := sh.Stream().TakeWhile(func(v int) bool {
			if v == 3 {
				go func() {
					got, _ := sh.Stream().Take(2).Collect(t.Context())
					joined <- got
				}()
			}
			return v <= 10
		}).Collect(t.Context())
		if err != nil || !slices.Equal(first, upToSlice(10)) {
			t.Errorf("first consumer: got %v, %v; want [1 ... 10], nil", first, err)
		}
		if got := <-joined; !slices.Equal(got, []int{4, 5}) {
			t.Errorf("consumer joining after 3: got %v, want [4 5]", got)
		}
		if started.Load() != 1 || returned.Load() != 1 {
			t.Errorf("after the last consumer left: %d runs, %d returned; want 1, 1", started.Load(), returned.Load())
		}
		again, err := sh.Stream().Take(2).Collect(t.Context())
		if err != nil || !slices.Equal(again, []int{1, 2}) || started.Load() != 2 || returned.Load() != 2 {
			t.Errorf("a new run: got %v, %v, %d runs, %d returned; want [1 2], nil, 2, 2", again, err, started.Load(), returned.Load())
		}
	})
}

// TestShareWaitsForStart: consumers wait for the start-th one; one that
// leaves while waiting starts nothing.
func TestShareWaitsForStart(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var started, returned atomic.Int64
		sh := stream.Share(runs(upTo(3), &started, &returned), 2, 4, stream.Backpressure)
		ctx, cancel := context.WithCancel(t.Context())
		errc := make(chan error)
		go func() { errc <- sh.Stream().ForEach(ctx, func(int) error { return nil }) }()
		synctest.Wait()
		cancel()
		if err := <-errc; !errors.Is(err, context.Canceled) || started.Load() != 0 {
			t.Errorf("a lone consumer cancelled: got %v, %d runs; want %v, 0", err, started.Load(), context.Canceled)
		}
	})
}

// TestShareRunsNeverOverlap: a consumer that joins while the last run's
// source is still stopping waits for it before a new run starts.
func TestShareRunsNeverOverlap(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var started, returned atomic.Int64
		gate := make(chan struct{})
		slowToStop := func(ctx context.Context, yield func(int) error) error {
			if err := yield(1); err != nil {
				return err
			}
			<-ctx.Done()
			<-gate // stopping takes a while
			return ctx.Err()
		}
		sh := stream.Share(runs(slowToStop, &started, &returned), 1, 1, stream.Backpressure)
		firstDone := make(chan error)
		go func() { _, err := sh.Stream().Take(1).Collect(t.Context()); firstDone <- err }()
		synctest.Wait() // the first consumer has left and waits for the source
		second := make(chan []int)
		go func() { got, _ := sh.Stream().Take(1).Collect(t.Context()); second <- got }()
		synctest.Wait()
		if started.Load() != 1 {
			t.Errorf("while the first run stops: %d runs started, want 1", started.Load())
		}
		close(gate)
		if err := <-firstDone; err != nil {
			t.Errorf("first consumer: %v", err)
		}
		if got := <-second; !slices.Equal(got, []int{1}) || started.Load() != 2 || returned.Load() != 2 {
			t.Errorf("second consumer: got %v, %d runs, %d returned; want [1], 2, 2", got, started.Load(), returned.Load())
		}
	})
}
