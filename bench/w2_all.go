package bench

import (
	"context"
	"sync"

	"github.com/goresult/goresult/future"
	"github.com/reactivex/rxgo/v2"
	"github.com/samber/lo"
	"github.com/samber/ro"
	"github.com/sourcegraph/conc/pool"
	"golang.org/x/sync/errgroup"
)

// w2 is waiting for all of N tasks and summing their values.
func w2() Workload {
	return Workload{
		ID: "W2", Title: "wait for all N",
		Sizes: []int{1, 100, 10_000}, Huge: []int{1_000_000}, Short: 5, Baseline: "hand",
		Want: sumJobs,
		Approaches: []Approach{
			{Name: "hand", How: "a goroutine per task writing into a slice, sync.WaitGroup", Prepare: w2Hand},
			{Name: "errgroup", How: "errgroup.Group.Go per task writing into a slice, Wait", Prepare: w2Errgroup},
			{Name: "conc", How: "pool.NewWithResults, Go per task, Wait", Prepare: w2Conc},
			{Name: "lo", How: "lo.Async per task, receive from each channel", Prepare: w2Lo},
			{Name: "rxgo", How: "rxgo.Start per task, rxgo.Merge, ToSlice", Prepare: w2Rxgo},
			{Name: "ro", How: "ro.Future per task, ro.Merge, ro.Collect", Prepare: w2Ro},
			{Name: "promise", How: "promise.New per task, promise.All(ctx, ...), Await (All starts a Then and a Catch goroutine per promise)", Prepare: w2Promise},
			{Name: "async", How: "async.NewTask(f).Call() per task, async.FutureSeq (values and errors as []any), Join", Prepare: w2Async},
			{Name: "goresult", How: "future.Go per task on an errgroup.Group, " + waitAllHow, Prepare: w2Goresult},
			groupAll(),
		},
	}
}

func w2Hand(n int) Op {
	return func() int {
		out := make([]int, n)
		var wg sync.WaitGroup
		wg.Add(n)
		for i := range n {
			go func() {
				defer wg.Done()
				out[i] = job(i)
			}()
		}
		wg.Wait()
		return sum(out)
	}
}

func w2Errgroup(n int) Op {
	return func() int {
		out := make([]int, n)
		var g errgroup.Group
		for i := range n {
			g.Go(func() error { out[i] = job(i); return nil })
		}
		if g.Wait() != nil {
			return -1
		}
		return sum(out)
	}
}

func w2Conc(n int) Op {
	return func() int {
		p := pool.NewWithResults[int]()
		for i := range n {
			p.Go(func() int { return job(i) })
		}
		return sum(p.Wait())
	}
}

func w2Lo(n int) Op {
	return func() int {
		chs := make([]<-chan int, n)
		for i := range n {
			chs[i] = lo.Async(func() int { return job(i) })
		}
		total := 0
		for _, ch := range chs {
			total += <-ch
		}
		return total
	}
}

// rxgoTasks starts n tasks, each an Observable of one item.
func rxgoTasks(n int, opts ...rxgo.Option) []rxgo.Observable {
	obs := make([]rxgo.Observable, n)
	for i := range n {
		obs[i] = rxgo.Start([]rxgo.Supplier{func(context.Context) rxgo.Item { return rxgo.Of(job(i)) }}, opts...)
	}
	return obs
}

func w2Rxgo(n int) Op {
	return func() int {
		items, err := rxgo.Merge(rxgoTasks(n)).ToSlice(n)
		if err != nil {
			return -1
		}
		total := 0
		for _, v := range items {
			total += v.(int)
		}
		return total
	}
}

// roTasks makes n Observables, each of which runs one task in a goroutine
// when subscribed.
func roTasks(n int) []ro.Observable[int] {
	obs := make([]ro.Observable[int], n)
	for i := range n {
		obs[i] = ro.Future(func() (int, error) { return job(i), nil })
	}
	return obs
}

func w2Ro(n int) Op {
	return func() int {
		vs, err := ro.Collect(ro.Merge(roTasks(n)...))
		if err != nil {
			return -1
		}
		return sum(vs)
	}
}

// goresultTasks starts n tasks in g.
func goresultTasks(g *errgroup.Group, n int) []*future.Task[int] {
	ts := make([]*future.Task[int], n)
	for i := range n {
		ts[i] = future.Go(g, func() (int, error) { return job(i), nil })
	}
	return ts
}

func w2Goresult(n int) Op {
	ctx := context.Background()
	return func() int {
		var g errgroup.Group
		return waitAllSum(ctx, goresultTasks(&g, n))
	}
}

// sumResults adds up the values of settled results, or returns -1 if one
// failed or is pending.
func sumResults[R future.Result[int]](rs []R) int {
	total := 0
	for _, r := range rs {
		v, err := r.Get()
		if err != nil {
			return -1
		}
		total += v
	}
	return total
}

func sum(vs []int) int {
	total := 0
	for _, v := range vs {
		total += v
	}
	return total
}
