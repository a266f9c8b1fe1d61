package stream_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/samber/lo"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/stream"
)

func Example() {
	ctx := context.Background()
	s := stream.FromSlice([]int{1, 2, 3, 4, 5, 6, 7, 8})
	squares := stream.Map(s.Filter(func(v int) bool { return v%2 == 0 }), func(v int) int { return v * v })
	for v, err := range squares.Take(3).Seq2(ctx) {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Println(v)
	}
	// Output:
	// 4
	// 16
	// 36
}

func ExampleFromSlice() {
	got, err := stream.FromSlice([]string{"a", "b"}).Collect(context.Background())
	fmt.Println(got, err)
	// Output: [a b] <nil>
}

func ExampleFromSeq() {
	got, _ := stream.FromSeq(slices.Values([]int{3, 1, 2})).Collect(context.Background())
	fmt.Println(got)
	// Output: [3 1 2]
}

func ExampleFromChannel() {
	// lo.Async's channel holds its one value, so its goroutine never blocks.
	answer := lo.Async(func() int { return 42 })
	got, _ := stream.FromChannel(answer).Take(1).Collect(context.Background())
	fmt.Println(got)
	// Output: [42]
}

func ExampleFromResult() {
	f := future.New[string]()
	go f.SetResult("settled")
	got, err := stream.FromResult[string](f).Collect(context.Background())
	fmt.Println(got, err)
	// Output: [settled] <nil>
}

func ExampleGenerate() {
	lines := strings.Split("alpha\nbeta\ngamma", "\n")
	next := func(context.Context) (string, error) {
		if len(lines) == 0 {
			return "", stream.ErrStop
		}
		line := lines[0]
		lines = lines[1:]
		return line, nil
	}
	got, _ := stream.Generate(next).Collect(context.Background())
	fmt.Println(got)
	// Output: [alpha beta gamma]
}

func ExampleTicker() {
	n := 0
	_ = stream.Ticker(time.Millisecond).Take(3).ForEach(context.Background(), func(time.Time) error {
		n++
		return nil
	})
	fmt.Println(n, "ticks")
	// Output: 3 ticks
}

func ExampleMerge() {
	a := stream.FromSlice([]int{1, 2})
	b := stream.FromSlice([]int{10, 20})
	got, _ := stream.Merge(a, b).Collect(context.Background())
	slices.Sort(got) // arrival order varies
	fmt.Println(got)
	// Output: [1 2 10 20]
}

func ExampleConcat() {
	got, _ := stream.Concat(stream.FromSlice([]int{1, 2}), stream.FromSlice([]int{3})).Collect(context.Background())
	fmt.Println(got)
	// Output: [1 2 3]
}

func ExampleZip() {
	names := stream.FromSlice([]string{"ann", "bob"})
	ages := stream.FromSlice([]int{31, 42, 53})
	got, _ := stream.Zip(names, ages, func(n string, a int) string { return fmt.Sprintf("%s:%d", n, a) }).Collect(context.Background())
	fmt.Println(got)
	// Output: [ann:31 bob:42]
}

func ExampleMap() {
	got, _ := stream.Map(stream.FromSlice([]int{1, 2, 3}), func(v int) string { return strings.Repeat("*", v) }).Collect(context.Background())
	fmt.Println(got)
	// Output: [* ** ***]
}

func ExampleStream_Filter() {
	got, _ := stream.FromSlice([]int{1, 2, 3, 4}).Filter(func(v int) bool { return v > 2 }).Collect(context.Background())
	fmt.Println(got)
	// Output: [3 4]
}

func ExampleFlatMap() {
	words := stream.FromSlice([]string{"ab", "c"})
	letters := stream.FlatMap(words, func(w string) stream.Stream[string] { return stream.FromSlice(strings.Split(w, "")) })
	got, _ := letters.Collect(context.Background())
	fmt.Println(got)
	// Output: [a b c]
}

func ExampleStream_Take() {
	got, _ := stream.FromSlice([]int{1, 2, 3}).Take(2).Collect(context.Background())
	fmt.Println(got)
	// Output: [1 2]
}

func ExampleStream_TakeWhile() {
	got, _ := stream.FromSlice([]int{1, 2, 5, 1}).TakeWhile(func(v int) bool { return v < 3 }).Collect(context.Background())
	fmt.Println(got)
	// Output: [1 2]
}

func ExampleStream_Skip() {
	got, _ := stream.FromSlice([]int{1, 2, 3}).Skip(2).Collect(context.Background())
	fmt.Println(got)
	// Output: [3]
}

func ExampleDistinct() {
	got, _ := stream.Distinct(stream.FromSlice([]string{"a", "b", "a", "c", "b"})).Collect(context.Background())
	fmt.Println(got)
	// Output: [a b c]
}

func ExampleScan() {
	got, _ := stream.Scan(stream.FromSlice([]int{1, 2, 3}), 0, func(acc, v int) int { return acc + v }).Collect(context.Background())
	fmt.Println(got)
	// Output: [1 3 6]
}

func ExampleBatch() {
	got, _ := stream.Batch(stream.FromSlice([]int{1, 2, 3, 4, 5}), 2).Collect(context.Background())
	fmt.Println(got)
	// Output: [[1 2] [3 4] [5]]
}

func ExampleBatchTime() {
	// A fast source fills batches before the interval passes.
	got, _ := stream.BatchTime(stream.FromSlice([]int{1, 2, 3}), 2, time.Hour).Collect(context.Background())
	fmt.Println(got)
	// Output: [[1 2] [3]]
}

func ExampleStream_Buffer() {
	got, _ := stream.FromSlice([]int{1, 2, 3}).Buffer(2).Collect(context.Background())
	fmt.Println(got)
	// Output: [1 2 3]
}

func ExampleParallelMap() {
	square := func(_ context.Context, v int) (int, error) { return v * v, nil }
	got, _ := stream.ParallelMap(stream.FromSlice([]int{1, 2, 3, 4}), 2, stream.InputOrder, square).Collect(context.Background())
	fmt.Println(got)
	// Output: [1 4 9 16]
}

func ExampleStream_Seq2() {
	for v, err := range stream.FromSlice([]int{1, 2}).Seq2(context.Background()) {
		fmt.Println(v, err)
	}
	// Output:
	// 1 <nil>
	// 2 <nil>
}

func ExampleStream_ToChannel() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel() // stops the goroutine if the loop below stops early
	values, done := stream.FromSlice([]int{1, 2, 3}).ToChannel(ctx)
	for v := range values {
		fmt.Println(v)
	}
	fmt.Println("err:", done.Err())
	// Output:
	// 1
	// 2
	// 3
	// err: <nil>
}

func ExampleStream_Collect() {
	got, err := stream.FromSlice([]int{1, 2}).Collect(context.Background())
	fmt.Println(got, err)
	// Output: [1 2] <nil>
}

func ExampleStream_ForEach() {
	err := stream.FromSlice([]int{1, 2, 3}).ForEach(context.Background(), func(v int) error {
		if v == 3 {
			return stream.ErrStop // a normal end
		}
		fmt.Println(v)
		return nil
	})
	fmt.Println("err:", err)
	// Output:
	// 1
	// 2
	// err: <nil>
}

func ExampleReduce() {
	total, _ := stream.Reduce(context.Background(), stream.FromSlice([]int{1, 2, 3}), 0, func(acc, v int) int { return acc + v })
	fmt.Println(total)
	// Output: 6
}

func ExampleStream_First() {
	ctx := context.Background()
	first := stream.FromSlice([]string{"x", "y"}).First(ctx) // a future.Result[string]
	v, err := first.Await(ctx)
	fmt.Println(v, err)
	// Output: x <nil>
}

func ExampleStream_Last() {
	ctx := context.Background()
	v, err := stream.FromSlice([]string{"x", "y"}).Last(ctx).Await(ctx)
	fmt.Println(v, err)
	// Output: y <nil>
}

func ExampleMapErr() {
	ctx := context.Background()
	lines := stream.FromSlice([]string{"1", "2", "x", "4"})
	got, err := stream.MapErr(lines, strconv.Atoi).Collect(ctx)
	fmt.Println(got, err)
	// Output:
	// [1 2] strconv.Atoi: parsing "x": invalid syntax
}

func ExampleFilterMap() {
	ctx := context.Background()
	lines := stream.FromSlice([]string{"1", "2", "x", "4"})
	got, _ := stream.FilterMap(lines, func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil // skip what does not parse
	}).Collect(ctx)
	fmt.Println(got)
	// Output:
	// [1 2 4]
}

func ExampleStream_Tap() {
	ctx := context.Background()
	seen := 0
	got, _ := stream.FromSlice([]int{1, 2, 3}).Tap(func(int) { seen++ }).Collect(ctx)
	fmt.Println(got, seen)
	// Output:
	// [1 2 3] 3
}

func ExampleStream_Catch() {
	ctx := context.Background()
	errUnavailable := errors.New("primary unavailable")
	primary := stream.Concat(stream.FromSlice([]string{"a", "b"}), func(context.Context, func(string) error) error {
		return errUnavailable
	})
	got, err := primary.Catch(func(err error) stream.Stream[string] {
		if !errors.Is(err, errUnavailable) {
			return nil // not ours: the error goes on
		}
		return stream.FromSlice([]string{"cached c"})
	}).Collect(ctx)
	fmt.Println(got, err)
	// Output:
	// [a b cached c] <nil>
}

func ExampleStream_Retry() {
	ctx := context.Background()
	attempt := 0
	flaky := stream.Stream[string](func(ctx context.Context, yield func(string) error) error {
		if attempt++; attempt < 3 {
			return fmt.Errorf("attempt %d: connection reset", attempt)
		}
		return yield(fmt.Sprintf("connected on attempt %d", attempt))
	})
	got, err := flaky.Retry(stream.Backoff{
		Retries:    5,
		Delay:      time.Millisecond,
		Multiplier: 2,
		MaxDelay:   10 * time.Millisecond,
		Jitter:     0.5,
	}).Collect(ctx)
	fmt.Println(got, err)
	// Output:
	// [connected on attempt 3] <nil>
}

func ExampleWindow() {
	ctx := context.Background()
	got, _ := stream.Window(stream.FromSlice([]int{1, 2, 3, 4, 5}), 3, 1).Collect(ctx)
	fmt.Println(got)
	// Output:
	// [[1 2 3] [2 3 4] [3 4 5]]
}

func ExampleStream_All() {
	ctx := context.Background()
	s := stream.Concat(stream.FromSlice([]int{1, 2}), func(context.Context, func(int) error) error {
		return errors.New("disk full")
	})
	values, errf := s.All(ctx)
	for v := range values {
		fmt.Println(v)
	}
	if err := errf(); err != nil {
		fmt.Println("error:", err)
	}
	// Output:
	// 1
	// 2
	// error: disk full
}
