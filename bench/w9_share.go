package bench

import (
	"context"
	"sync"

	"github.com/reactivex/rxgo/v2"
	"github.com/samber/ro"
)

// shareConsumers is the number of consumers of W9, and shareBuffer the
// buffer of each.
const (
	shareConsumers = 4
	shareBuffer    = 256
)

// w9 is one run of a source of N ints read by 4 consumers, each summing it.
func w9() Workload {
	return Workload{
		ID: "W9", Title: "one source of N ints shared by 4 consumers",
		Sizes: []int{1_000_000}, Short: 1000, Baseline: "hand",
		Want: func(n int) int { return shareConsumers * n * (n - 1) / 2 },
		Approaches: append([]Approach{
			{Name: "hand", How: "a goroutine sends every value on 4 channels of 256, read by 4 goroutines", Prepare: w9Hand},
			{Name: "rxgo", How: "rxgo.Range(0, N, rxgo.WithPublishStrategy(), rxgo.WithBufferedChannel(256)), 4 Observe(), Connect", Prepare: w9Rxgo},
			{Name: "ro", How: "ro.Connectable(ro.FromSlice(s)), 4 Subscribe, Connect (synchronous: each value calls the 4 observers in turn)", Prepare: w9Ro},
		}, goresultShare()...),
	}
}

// sumAll runs f(i) for each consumer i in its own goroutine and returns the
// total of their sums.
func sumAll(f func(i int) int) int {
	var wg sync.WaitGroup
	sums := make([]int, shareConsumers)
	for i := range sums {
		wg.Go(func() { sums[i] = f(i) })
	}
	wg.Wait()
	total := 0
	for _, s := range sums {
		total += s
	}
	return total
}

func w9Hand(n int) Op {
	in := ints(n)
	return func() int {
		chs := make([]chan int, shareConsumers)
		for i := range chs {
			chs[i] = make(chan int, shareBuffer)
		}
		go func() {
			for _, v := range in {
				for _, ch := range chs {
					ch <- v
				}
			}
			for _, ch := range chs {
				close(ch)
			}
		}()
		return sumAll(func(i int) int {
			total := 0
			for v := range chs[i] {
				total += v
			}
			return total
		})
	}
}

func w9Rxgo(n int) Op {
	return func() int {
		obs := rxgo.Range(0, n, rxgo.WithPublishStrategy(), rxgo.WithBufferedChannel(shareBuffer))
		chs := make([]<-chan rxgo.Item, shareConsumers)
		for i := range chs {
			chs[i] = obs.Observe()
		}
		_, dispose := obs.Connect(context.Background())
		defer dispose()
		return sumAll(func(i int) int {
			total := 0
			for item := range chs[i] {
				if item.Error() {
					return -1
				}
				total += item.V.(int)
			}
			return total
		})
	}
}

func w9Ro(n int) Op {
	in := ints(n)
	return func() int {
		obs := ro.Connectable(ro.FromSlice(in))
		total := 0
		for range shareConsumers {
			obs.Subscribe(ro.NewObserver(func(v int) { total += v }, func(error) { total = -1 }, func() {}))
		}
		obs.Connect()
		return total
	}
}
