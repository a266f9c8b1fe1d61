package stream_test

import (
	"context"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goresult/goresult/stream"
)

func TestBatch(t *testing.T) {
	tests := []struct {
		n, size int
		want    string
	}{
		{0, 3, "[]"},
		{3, 3, "[[1 2 3]]"},
		{7, 3, "[[1 2 3] [4 5 6] [7]]"},
		{2, 1, "[[1] [2]]"},
	}
	for _, tc := range tests {
		got, err := stream.Batch(upTo(tc.n), tc.size).Collect(t.Context())
		if s := fmt.Sprint(got); err != nil || s != tc.want && !(tc.want == "[]" && got == nil) {
			t.Errorf("Batch(upTo(%d), %d): got %s, %v; want %s", tc.n, tc.size, s, err, tc.want)
		}
	}
}

// TestBatchTime feeds values at chosen times in a synctest bubble, where
// time.Sleep only advances the fake clock, and checks which batches come out
// and when.
func TestBatchTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		// Values at 0s, 1s, 2s (batch full at size 3), 10s (alone, flushed
		// by time at 15s), 20s, 21s (end of source: flushed at 21s).
		at := []time.Duration{0, 1, 2, 10, 20, 21}
		src := func(ctx context.Context, yield func(int) error) error {
			for i, d := range at {
				time.Sleep(start.Add(d * time.Second).Sub(time.Now()))
				if err := yield(i); err != nil {
					return err
				}
			}
			return nil
		}
		var got []string
		err := stream.BatchTime(src, 3, 5*time.Second).ForEach(t.Context(), func(b []int) error {
			got = append(got, fmt.Sprintf("%v@%v", b, time.Since(start)))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"[0 1 2]@2s", "[3]@15s", "[4 5]@21s"}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("got %v, want %v", got, want)
		}
	})
}

// TestBatchTimeIdle checks that a source that sends nothing for long gives no
// batches and that cancelling ctx ends the stream promptly.
func TestBatchTimeIdle(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), time.Hour)
		defer cancel()
		idle := func(ctx context.Context, yield func(int) error) error {
			<-ctx.Done()
			return ctx.Err()
		}
		n := 0
		err := stream.BatchTime(idle, 3, time.Second).ForEach(ctx, func([]int) error { n++; return nil })
		if err != context.DeadlineExceeded || n != 0 {
			t.Errorf("got %d batches, %v; want 0, %v", n, err, context.DeadlineExceeded)
		}
	})
}
