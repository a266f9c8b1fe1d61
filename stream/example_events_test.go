package stream_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/goresult/goresult/stream"
)

func ExampleStream_TakeUntil() {
	drain, shutDown := context.WithCancel(context.Background())
	// A source that passes on three values, then waits for its ctx to end,
	// as a connection's reader would.
	events := stream.Stream[int](func(ctx context.Context, yield func(int) error) error {
		for v := range 3 {
			if err := yield(v + 1); err != nil {
				return err
			}
		}
		<-ctx.Done()
		return ctx.Err()
	})
	err := events.TakeUntil(drain).ForEach(context.Background(), func(v int) error {
		fmt.Println("handled", v)
		if v == 3 {
			shutDown() // as a SIGTERM handler would
		}
		return nil
	})
	fmt.Println("drained:", err) // the cancellation is a normal end
	// Output:
	// handled 1
	// handled 2
	// handled 3
	// drained: <nil>
}

func ExampleStream_Debounce() {
	// A burst of keystrokes closer together than a minute: only the last
	// comes through (here when the source ends).
	got, _ := stream.FromSlice([]string{"g", "go", "gor", "gore"}).Debounce(time.Minute).Collect(context.Background())
	fmt.Println(got)
	// Output: [gore]
}

func ExampleStream_Throttle() {
	// At most one value an hour: the first at once, the last of the window
	// when it closes (here when the source ends).
	got, _ := stream.FromSlice([]int{1, 2, 3, 4, 5}).Throttle(time.Hour, stream.Leading|stream.Trailing).Collect(context.Background())
	fmt.Println(got)
	// Output: [1 5]
}

func ExampleStream_Sample() {
	got, _ := stream.FromSlice([]int{1, 2, 3}).Sample(time.Hour).Collect(context.Background())
	fmt.Println(got)
	// Output: [3]
}

func ExampleStream_Delay() {
	start := time.Now()
	got, _ := stream.FromSlice([]int{1, 2, 3}).Delay(10 * time.Millisecond).Collect(context.Background())
	fmt.Println(got, time.Since(start) >= 10*time.Millisecond)
	// Output: [1 2 3] true
}

func ExampleStream_Timeout() {
	never := make(chan int)
	_, err := stream.FromChannel(never).Timeout(10 * time.Millisecond).Collect(context.Background())
	fmt.Println(err)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	// Output:
	// stream: no value within the timeout: context deadline exceeded
	// true
}

func ExampleWindowTime() {
	// Windows of an hour, every hour: the source ends first, so its values
	// come in the window that would have closed next, cut short.
	got, _ := stream.WindowTime(stream.FromSlice([]int{1, 2, 3}), time.Hour, time.Hour).Collect(context.Background())
	fmt.Println(got)
	// Output: [[1 2 3]]
}

func ExampleGroupBy() {
	type order struct {
		customer string
		amount   int
	}
	orders := stream.FromSlice([]order{{"ann", 10}, {"bob", 5}, {"ann", 7}, {"cyd", 1}, {"bob", 2}})
	// A pipeline per customer, summing its orders.
	totals := stream.GroupBy(orders, func(o order) string { return o.customer }, 100, 8,
		func(customer string, sub stream.Stream[order]) stream.Stream[string] {
			return stream.Map(stream.Batch(sub, 1000), func(os []order) string {
				total := 0
				for _, o := range os {
					total += o.amount
				}
				return fmt.Sprintf("%s: %d", customer, total)
			})
		})
	got, err := totals.Collect(context.Background())
	slices.Sort(got) // the groups end in any order
	fmt.Println(got, err)
	// Output: [ann: 17 bob: 7 cyd: 1] <nil>
}

func ExampleShare() {
	// One run of the source, read by two consumers; it starts once both
	// have joined, so that neither misses a value.
	sh := stream.Share(stream.FromSlice([]int{1, 2, 3, 4}), 2, 16, stream.Backpressure)
	sums := make([]int, 2)
	var wg sync.WaitGroup
	for i := range sums {
		wg.Go(func() {
			sums[i], _ = stream.Reduce(context.Background(), sh.Stream(), 0, func(a, v int) int { return a + v*(i+1) })
		})
	}
	wg.Wait()
	fmt.Println(sums, sh.Dropped())
	// Output: [10 20] 0
}
