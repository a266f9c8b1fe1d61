package bench

import (
	"context"
	"runtime"
	"sync"

	"github.com/reactivex/rxgo/v2"
	"github.com/samber/lo/parallel"
	"github.com/sourcegraph/conc/iter"
	"golang.org/x/sync/errgroup"
)

// w8 is a bounded-parallel map of N items with a 10us function, summed. The
// bound is GOMAXPROCS.
func w8() Workload {
	return Workload{
		ID: "W8", Title: "bounded-parallel map of N items, 10us each",
		Sizes: []int{100_000}, Short: 100, Baseline: "hand",
		Want: parallelWant,
		Approaches: append([]Approach{
			{Name: "hand", How: "a worker pool of GOMAXPROCS goroutines fed by a channel, results by index", Prepare: w8Hand},
			{Name: "errgroup", How: "errgroup.Group with SetLimit(GOMAXPROCS), Go per item", Prepare: w8Errgroup},
			{Name: "conc", How: "iter.Map (GOMAXPROCS goroutines)", Prepare: w8Conc},
			{Name: "lo", How: "lo/parallel.Map: NOT bounded, a goroutine per item (lo has no bounded map)", Prepare: w8Lo},
			{Name: "rxgo", How: "rxgo.Range(0, N).Map(f, rxgo.WithPool(GOMAXPROCS)), range Observe()", Prepare: w8Rxgo},
			{Name: "promise", How: "promise.NewWithPool per item on promise.FromConcPool(pool.New().WithMaxGoroutines(GOMAXPROCS)), promise.All(ctx, ...) (its Then and Catch goroutines on the default, unbounded pool), Await, pool Wait", Prepare: w8Promise},
			{Name: "async", How: "async.NewExecutor (GOMAXPROCS workers, a queue of N: Submit fails rather than wait), Submit per item, async.FutureSeq, Join, Shutdown", Prepare: w8Async},
		}, append(goresultParallel(), groupParallel())...),
	}
}

func w8Hand(n int) Op {
	in := ints(n)
	return func() int {
		out := make([]int, n)
		jobs := make(chan int, 256)
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range jobs {
					out[i] = work(in[i])
				}
			}()
		}
		for i := range in {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		return sum(out)
	}
}

func w8Errgroup(n int) Op {
	in := ints(n)
	return func() int {
		out := make([]int, n)
		var g errgroup.Group
		g.SetLimit(runtime.GOMAXPROCS(0))
		for i, x := range in {
			g.Go(func() error { out[i] = work(x); return nil })
		}
		if g.Wait() != nil {
			return -1
		}
		return sum(out)
	}
}

func w8Conc(n int) Op {
	in := ints(n)
	return func() int {
		return sum(iter.Map(in, func(x *int) int { return work(*x) }))
	}
}

func w8Lo(n int) Op {
	in := ints(n)
	return func() int {
		return sum(parallel.Map(in, func(x int, _ int) int { return work(x) }))
	}
}

func w8Rxgo(n int) Op {
	return func() int {
		obs := rxgo.Range(0, n).Map(func(_ context.Context, v any) (any, error) {
			return work(v.(int)), nil
		}, rxgo.WithPool(runtime.GOMAXPROCS(0)))
		total := 0
		for item := range obs.Observe() {
			if item.Error() {
				return -1
			}
			total += item.V.(int)
		}
		return total
	}
}
