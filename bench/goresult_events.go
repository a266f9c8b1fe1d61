package bench

import (
	"context"
	"time"

	"github.com/goresult/goresult/stream"
)

// goresultShare returns the goresult column of W9.
func goresultShare() []Approach {
	return []Approach{{Name: "goresult", How: "stream.Share(stream.FromSlice(s), 4, 256, stream.Backpressure), 4 goroutines running sh.Stream()", Prepare: w9Goresult}}
}

// goresultThrottle returns the goresult column of W10.
func goresultThrottle() []Approach {
	return []Approach{{Name: "goresult", How: "stream.FromSlice(s).Throttle(2s, stream.Leading), ForEach", Prepare: w10Goresult}}
}

// goresultDebounce returns the goresult column of W11.
func goresultDebounce() []Approach {
	return []Approach{{Name: "goresult", How: "stream.Concat(stream.FromSlice(s), pause).Debounce(5ms), ForEach", Prepare: w11Goresult}}
}

func w9Goresult(n int) Op {
	in := ints(n)
	ctx := context.Background()
	return func() int {
		sh := stream.Share(stream.FromSlice(in), shareConsumers, shareBuffer, stream.Backpressure)
		return sumAll(func(int) int {
			total, err := stream.Reduce(ctx, sh.Stream(), 0, add)
			if err != nil {
				return -1
			}
			return total
		})
	}
}

func w10Goresult(n int) Op {
	in := ints(n)
	ctx := context.Background()
	return func() int {
		passed := 0
		err := stream.FromSlice(in).Throttle(throttleWindow, stream.Leading).ForEach(ctx, func(int) error { passed++; return nil })
		if err != nil {
			return -1
		}
		return passed
	}
}

func w11Goresult(n int) Op {
	in := ints(n)
	ctx := context.Background()
	pause := stream.Stream[int](func(ctx context.Context, _ func(int) error) error {
		time.Sleep(debouncePause)
		return nil
	})
	return func() int {
		got := -1
		err := stream.Concat(stream.FromSlice(in), pause).Debounce(debounceQuiet).ForEach(ctx, func(v int) error { got = v; return nil })
		if err != nil {
			return -1
		}
		return got
	}
}
