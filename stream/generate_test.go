package stream_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goresult/goresult/stream"
)

func TestGenerateEnds(t *testing.T) {
	n := 0
	next := func(context.Context) (int, error) {
		if n++; n > 3 {
			return 0, stream.ErrStop
		}
		return n, nil
	}
	got, err := stream.Generate(next).Collect(t.Context())
	if err != nil || len(got) != 3 {
		t.Errorf("got %v, %v; want [1 2 3], nil", got, err)
	}
}

func TestTicker(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var got []time.Duration
		err := stream.Ticker(time.Second).Take(3).ForEach(t.Context(), func(now time.Time) error {
			got = append(got, now.Sub(start))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		want := []time.Duration{time.Second, 2 * time.Second, 3 * time.Second}
		if len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
			t.Errorf("got ticks at %v, want %v", got, want)
		}
		// The ticker was stopped: nothing in the bubble is left to wake up,
		// so synctest.Test returning at all shows it.
	})
}

func TestTickerCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 2500*time.Millisecond)
		defer cancel()
		n := 0
		err := stream.Ticker(time.Second).ForEach(ctx, func(time.Time) error { n++; return nil })
		if !errors.Is(err, context.DeadlineExceeded) || n != 2 {
			t.Errorf("got %d ticks, %v; want 2, %v", n, err, context.DeadlineExceeded)
		}
	})
}
