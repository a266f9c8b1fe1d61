package stream_test

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"testing"
	"testing/synctest"

	"github.com/goresult/goresult/stream"
)

func mod3(v int) int { return v % 3 }

// groupSum is a group pipeline passing on the sum of its group at the end.
func groupSum(_ int, sub stream.Stream[int]) stream.Stream[int] {
	return stream.Map(stream.Batch(sub, 1<<20), sum)
}

func TestGroupBy(t *testing.T) {
	got, err := stream.GroupBy(upTo(10), mod3, 3, 2, groupSum).Collect(t.Context())
	slices.Sort(got)
	if err != nil || !slices.Equal(got, []int{15, 18, 22}) {
		t.Errorf("got %v, %v; want [15 18 22], nil", got, err)
	}
}

func TestGroupByLimit(t *testing.T) {
	opened := 0
	_, err := stream.GroupBy(upTo(10), func(v int) int { return v }, 3, 1,
		func(_ int, sub stream.Stream[int]) stream.Stream[int] { opened++; return sub }).Collect(t.Context())
	if !errors.Is(err, stream.ErrGroupLimit) || opened != 3 {
		t.Errorf("got %v after %d groups, want %v after 3", err, opened, stream.ErrGroupLimit)
	}
}

// TestGroupByClosedGroup: a group whose pipeline has returned no longer
// counts against the limit, and the next value of its key opens a new one.
func TestGroupByClosedGroup(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		opened := 0
		got, err := stream.GroupBy(paced(6, nil), func(v int) int { return v % 2 }, 1, 1,
			func(_ int, sub stream.Stream[int]) stream.Stream[int] { opened++; return sub.Take(1) }).Collect(t.Context())
		if err != nil || !slices.Equal(got, upToSlice(6)) || opened != 6 {
			t.Errorf("got %v, %v, %d groups; want [1 ... 6], nil, 6", got, err, opened)
		}
	})
}

// TestGroupBySlowGroup: a group whose pipeline does not take its values
// holds the source back once its buffer is full, and with it the other
// groups; nothing is dropped, and all comes through once it goes on.
func TestGroupBySlowGroup(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		gate := make(chan struct{})
		var produced, delivered atomic.Int64
		slowEvens := func(k int, sub stream.Stream[int]) stream.Stream[int] {
			if k == 1 {
				return sub
			}
			return func(ctx context.Context, yield func(int) error) error {
				<-gate
				return sub(ctx, yield)
			}
		}
		s := stream.GroupBy(counted(upTo(20), &produced), func(v int) int { return v % 2 }, 2, 2, slowEvens)
		var got []int
		var err error
		done := make(chan struct{})
		go func() {
			defer close(done)
			got, err = s.Collect(context.Background())
			delivered.Store(int64(len(got)))
		}()
		synctest.Wait()
		// 2 and 4 fill the evens' buffer; the source is blocked passing 6
		// on, so the odds have had 1, 3 and 5 only.
		if produced.Load() != 6 {
			t.Errorf("with the evens' pipeline stuck: %d values produced, want 6", produced.Load())
		}
		close(gate)
		<-done
		slices.Sort(got)
		if err != nil || !slices.Equal(got, upToSlice(20)) {
			t.Errorf("got %v, %v; want [1 ... 20], nil", got, err)
		}
	})
}
