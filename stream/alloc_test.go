package stream_test

import (
	"context"
	"testing"

	"github.com/goresult/goresult/stream"
)

// TestSyncStagesAllocateNothingPerValue checks that a Map/Filter/Map chain
// allocates the same per run over 10 values as over 10,000: nothing per value.
func TestSyncStagesAllocateNothingPerValue(t *testing.T) {
	ctx := context.Background()
	allocs := func(n int) float64 {
		s := stream.Map(stream.Map(upTo(n), inc).Filter(even), twice).Take(n)
		return testing.AllocsPerRun(20, func() {
			_ = s.ForEach(ctx, func(int) error { return nil })
		})
	}
	small, large := allocs(10), allocs(10_000)
	if large != small {
		t.Errorf("got %v allocations per run over 10,000 values and %v over 10, want the same", large, small)
	}
}

// TestNewStagesAllocateNothingPerValue does the same for MapErr, FilterMap,
// Tap, Catch and Retry.
func TestNewStagesAllocateNothingPerValue(t *testing.T) {
	ctx := context.Background()
	none := func(error) stream.Stream[int] { return nil }
	allocs := func(n int) float64 {
		s := stream.FilterMap(stream.MapErr(upTo(n), incErr), halfOdd).Tap(count).
			Retry(stream.Backoff{Retries: 1}).Catch(none)
		return testing.AllocsPerRun(20, func() {
			_ = s.ForEach(ctx, func(int) error { return nil })
		})
	}
	small, large := allocs(10), allocs(10_000)
	if large != small {
		t.Errorf("got %v allocations per run over 10,000 values and %v over 10, want the same", large, small)
	}
}
