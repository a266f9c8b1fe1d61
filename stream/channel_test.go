package stream_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/samber/lo"

	"github.com/goresult/goresult/stream"
)

func TestFromChannel(t *testing.T) {
	got, err := stream.FromChannel(lo.SliceToChannel(2, []int{1, 2, 3})).Collect(t.Context())
	if err != nil || !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("got %v, %v; want [1 2 3], nil", got, err)
	}
	got, err = stream.FromChannel(lo.Async(func() int { return 7 })).Take(1).Collect(t.Context())
	if err != nil || !slices.Equal(got, []int{7}) {
		t.Errorf("lo.Async: got %v, %v; want [7], nil", got, err)
	}
}

func TestFromChannelCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := stream.FromChannel(make(chan int)).Collect(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want %v", err, context.Canceled)
	}
}

func TestToChannel(t *testing.T) {
	values, done := upTo(3).ToChannel(t.Context())
	got := slices.Collect(func(yield func(int) bool) {
		for v := range values {
			if !yield(v) {
				return
			}
		}
	})
	if !done.IsDone() || done.Err() != nil || !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("got %v, done %v, err %v; want [1 2 3], true, nil", got, done.IsDone(), done.Err())
	}
}

// TestToChannelReaderStops reads one value, then cancels: the goroutine must
// end and close the channel without anyone reading further.
func TestToChannelReaderStops(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	values, done := naturals().ToChannel(ctx)
	if v := <-values; v != 1 {
		t.Errorf("got %d, want 1", v)
	}
	cancel()
	if err := done.Wait(t.Context()); err != nil {
		t.Fatal(err)
	}
	if !errors.Is(done.Err(), context.Canceled) {
		t.Errorf("got %v, want %v", done.Err(), context.Canceled)
	}
	for range values { // closed: at most one value was in flight
	}
}

func TestToChannelErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    stream.Stream[int]
		want func(error) bool
	}{
		{"error", failing(errBoom), func(err error) bool { return err == errBoom }},
		{"panic", panicking, func(err error) bool { return panicValue(err) == "source panic" }},
	} {
		values, done := tc.s.ToChannel(t.Context())
		for range values {
		}
		if !tc.want(done.Err()) {
			t.Errorf("%s: got %v", tc.name, done.Err())
		}
	}
}
