package bench

import (
	"context"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
	"github.com/reactivex/rxgo/v2"
	"github.com/samber/lo"
	"github.com/samber/ro"
	"github.com/sourcegraph/conc/pool"
	"golang.org/x/sync/errgroup"
)

// w3 is consuming N tasks' values in the order they complete.
func w3() Workload {
	return Workload{
		ID: "W3", Title: "as-completed over N",
		Sizes: []int{1, 100, 10_000}, Huge: []int{1_000_000}, Short: 5, Baseline: "hand",
		Want: sumJobs,
		Approaches: []Approach{
			{Name: "hand", How: "a goroutine per task sending on a channel buffered to N, receive N", Prepare: w3Hand},
			{Name: "errgroup", How: "errgroup.Group.Go per task sending on a channel, a goroutine closes it after Wait, range", Prepare: w3Errgroup},
			{Name: "conc", How: "pool.New, Go per task sending on a channel, a goroutine closes it after Wait, range", Prepare: w3Conc},
			{Name: "lo", How: "lo.Async per task, lo.FanIn, receive N (FanIn's goroutines never exit: lo.Async never closes its channels)", Leaks: true, Prepare: w3Lo},
			{Name: "rxgo", How: "rxgo.Start per task, rxgo.Merge, range Observe()", Prepare: w3Rxgo},
			{Name: "ro", How: "ro.Future per task, ro.Merge, Subscribe with an observer, wait for completion", Prepare: w3Ro},
			{Name: "goresult", How: "future.Go per task, ops.ResultsToChannel in the same errgroup, range", Prepare: w3Goresult},
			groupCompleted(),
		},
	}
}

func w3Hand(n int) Op {
	return func() int {
		ch := make(chan int, n)
		for i := range n {
			go func() { ch <- job(i) }()
		}
		total := 0
		for range n {
			total += <-ch
		}
		return total
	}
}

func w3Errgroup(n int) Op {
	return func() int {
		ch := make(chan int, n)
		var g errgroup.Group
		for i := range n {
			g.Go(func() error { ch <- job(i); return nil })
		}
		go func() { _ = g.Wait(); close(ch) }()
		total := 0
		for v := range ch {
			total += v
		}
		return total
	}
}

func w3Conc(n int) Op {
	return func() int {
		ch := make(chan int, n)
		p := pool.New()
		for i := range n {
			p.Go(func() { ch <- job(i) })
		}
		go func() { p.Wait(); close(ch) }()
		total := 0
		for v := range ch {
			total += v
		}
		return total
	}
}

func w3Lo(n int) Op {
	return func() int {
		chs := make([]<-chan int, n)
		for i := range n {
			chs[i] = lo.Async(func() int { return job(i) })
		}
		merged := lo.FanIn(n, chs...)
		total := 0
		for range n {
			total += <-merged
		}
		return total
	}
}

func w3Rxgo(n int) Op {
	return func() int {
		total := 0
		for item := range rxgo.Merge(rxgoTasks(n)).Observe() {
			total += item.V.(int)
		}
		return total
	}
}

func w3Ro(n int) Op {
	return func() int {
		total := 0
		done := make(chan struct{})
		ro.Merge(roTasks(n)...).Subscribe(ro.NewObserver(
			func(v int) { total += v },
			func(error) { total = -1; close(done) },
			func() { close(done) },
		))
		<-done
		return total
	}
}

func w3Goresult(n int) Op {
	ctx := context.Background()
	return func() int {
		var g errgroup.Group
		return asCompletedSum(ctx, &g, goresultTasks(&g, n))
	}
}

// asCompletedSum sends ts to a channel with ops.ResultsToChannel, run as a
// task of g, and sums them as they come; -1 if one failed or g did.
func asCompletedSum(ctx context.Context, g interface {
	Go(func() error)
	Wait() error
}, ts []*future.Task[int]) int {
	ch := make(chan *future.Task[int], len(ts))
	g.Go(func() error { return ops.ResultsToChannel(ctx, ts, ch, true) })
	total := 0
	for t := range ch {
		v, err := t.Get()
		if err != nil {
			return -1
		}
		total += v
	}
	if g.Wait() != nil {
		return -1
	}
	return total
}
