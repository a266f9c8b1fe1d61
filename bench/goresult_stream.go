package bench

import (
	"context"
	"runtime"

	"github.com/goresult/goresult/stream"
)

// goresultStream returns the goresult column of W7: a push stream, where
// each stage is a function call per value.
func goresultStream() []Approach {
	return []Approach{{Name: "goresult", How: "stream.Map(stream.Map(stream.FromSlice(s), f1).Filter(p), f2), stream.Reduce", Prepare: w7Goresult}}
}

// goresultParallel returns the goresult column of W8.
func goresultParallel() []Approach {
	return []Approach{{Name: "goresult", How: "stream.ParallelMap(stream.FromSlice(s), GOMAXPROCS, stream.InputOrder, f), stream.Reduce", Prepare: w8Goresult}}
}

func add(a, b int) int { return a + b }

func w7Goresult(n int) Op {
	in := ints(n)
	ctx := context.Background()
	return func() int {
		s := stream.Map(stream.Map(stream.FromSlice(in), stage1).Filter(keep), stage2)
		total, err := stream.Reduce(ctx, s, 0, add)
		if err != nil {
			return -1
		}
		return total
	}
}

func w8Goresult(n int) Op {
	in := ints(n)
	ctx := context.Background()
	f := func(_ context.Context, x int) (int, error) { return work(x), nil }
	return func() int {
		s := stream.ParallelMap(stream.FromSlice(in), runtime.GOMAXPROCS(0), stream.InputOrder, f)
		total, err := stream.Reduce(ctx, s, 0, add)
		if err != nil {
			return -1
		}
		return total
	}
}
