package stream_test

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goresult/goresult/stream"
)

// counted wraps s, counting the values it passes on in n.
func counted(s stream.Stream[int], n *atomic.Int64) stream.Stream[int] {
	return func(ctx context.Context, yield func(int) error) error {
		return s(ctx, func(v int) error {
			n.Add(1)
			return yield(v)
		})
	}
}

// TestTakeUntilDrains: once drain ends, the source stops, the values it had
// passed on (held by a Buffer for a slow consumer, or in BatchTime's last
// slice) all come through, and the stream ends normally.
func TestTakeUntilDrains(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		drain, cancel := context.WithTimeout(t.Context(), 50*ms)
		defer cancel()
		var produced atomic.Int64
		s := counted(paced(-1, nil), &produced).TakeUntil(drain).Buffer(8)
		got, err := s.Collect(t.Context())
		slow := func(int) error { time.Sleep(100 * ms); return nil }
		if err != nil || !slices.Equal(got, []int{1, 2, 3, 4, 5}) {
			t.Errorf("got %v, %v; want [1 2 3 4 5], nil", got, err)
		}

		drain2, cancel2 := context.WithTimeout(t.Context(), 50*ms)
		defer cancel2()
		produced.Store(0)
		n := 0
		err = counted(paced(-1, nil), &produced).TakeUntil(drain2).Buffer(8).ForEach(t.Context(), func(v int) error {
			n++
			return slow(v)
		})
		if err != nil || int64(n) != produced.Load() || n != 5 {
			t.Errorf("slow consumer: got %d of %d values, %v; want 5 of 5, nil", n, produced.Load(), err)
		}

		drain3, cancel3 := context.WithTimeout(t.Context(), 50*ms)
		defer cancel3()
		batches, err := stream.BatchTime(paced(-1, nil).TakeUntil(drain3), 3, time.Hour).Collect(t.Context())
		if err != nil || !slices.EqualFunc(batches, [][]int{{1, 2, 3}, {4, 5}}, slices.Equal[[]int]) {
			t.Errorf("BatchTime after it: got %v, %v; want [[1 2 3] [4 5]], nil", batches, err)
		}
	})
}

// TestTakeUntilErrors: the stream's own ctx, a downstream error and a
// failure of the source other than the drain are errors as usual.
func TestTakeUntilErrors(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		drained, cancel := context.WithCancel(t.Context())
		cancel()
		got, err := paced(-1, nil).TakeUntil(drained).Collect(t.Context())
		if err != nil || len(got) != 0 {
			t.Errorf("drained before the run: got %v, %v; want no value, nil", got, err)
		}

		cause := errors.New("cause")
		ctx, stop := context.WithCancelCause(t.Context())
		time.AfterFunc(20*ms, func() { stop(cause) })
		got, err = paced(-1, nil).TakeUntil(context.Background()).Collect(ctx)
		if !errors.Is(err, context.Canceled) || !errors.Is(err, cause) || len(got) != 2 {
			t.Errorf("ctx ended: got %v, %v; want 2 values and an error matching %v and %v", got, err, context.Canceled, cause)
		}

		_, err = failing(errBoom).TakeUntil(drained).Collect(t.Context())
		if !errors.Is(err, errBoom) {
			t.Errorf("source failing: got %v, want %v", err, errBoom)
		}
	})
}
