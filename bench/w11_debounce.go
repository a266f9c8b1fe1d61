package bench

import (
	"context"
	"time"

	"github.com/reactivex/rxgo/v2"
)

// The quiet time of W11, and the pause after its burst (rxgo's Debounce
// drops the value it holds when its source completes, so the source pauses
// for the last value to come through).
const (
	debounceQuiet = 5 * time.Millisecond
	debouncePause = 20 * time.Millisecond
)

// w11 debounces a burst of N ints followed by a pause, and returns the last
// value that came through (N-1, whatever a stall in the burst let through
// before it): the cost per event of restarting the quiet time. samber/ro has
// no debounce operator.
func w11() Workload {
	return Workload{
		ID: "W11", Title: "Debounce a burst of N ints",
		Sizes: []int{1_000_000}, Short: 1000, Baseline: "hand",
		Want: func(n int) int { return n - 1 },
		Approaches: append([]Approach{
			{Name: "hand", How: "a goroutine sends on a channel; a select loop resets one time.Timer per value", Prepare: w11Hand},
			{Name: "rxgo", How: "rxgo.Create(burst, pause).Debounce(rxgo.WithDuration(5ms)), range Observe()", Prepare: w11Rxgo},
		}, goresultDebounce()...),
	}
}

// burstThenPause sends in on ch, pauses, and closes ch.
func burstThenPause(in []int, ch chan<- int) {
	for _, v := range in {
		ch <- v
	}
	time.Sleep(debouncePause)
	close(ch)
}

func w11Hand(n int) Op {
	in := ints(n)
	return func() int {
		ch := make(chan int)
		go burstThenPause(in, ch)
		t := time.NewTimer(time.Hour)
		defer t.Stop()
		last, held, got := 0, false, -1
		for {
			select {
			case v, ok := <-ch:
				if !ok {
					if held {
						got = last
					}
					return got
				}
				t.Reset(debounceQuiet)
				last, held = v, true
			case <-t.C:
				got, held = last, false
			}
		}
	}
}

func w11Rxgo(n int) Op {
	in := ints(n)
	return func() int {
		obs := rxgo.Create([]rxgo.Producer{func(ctx context.Context, next chan<- rxgo.Item) {
			for _, v := range in {
				next <- rxgo.Of(v)
			}
			time.Sleep(debouncePause)
		}}).Debounce(rxgo.WithDuration(debounceQuiet))
		got := -1
		for item := range obs.Observe() {
			if item.Error() {
				return -1
			}
			got = item.V.(int)
		}
		return got
	}
}
