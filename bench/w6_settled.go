package bench

import (
	"context"

	"github.com/goresult/goresult/future"
	"github.com/reactivex/rxgo/v2"
	"github.com/samber/lo"
	"github.com/samber/ro"
	"github.com/sourcegraph/conc/pool"
	"golang.org/x/sync/errgroup"
)

// w6 is merging N results that are already settled: the cost of the
// combinator itself.
func w6() Workload {
	return Workload{
		ID: "W6", Title: "merging N already-settled results",
		Sizes: []int{1, 100, 10_000}, Huge: []int{1_000_000}, Short: 5, Baseline: "hand",
		Want: sumJobs,
		Approaches: []Approach{
			{Name: "hand", How: "results as {closed done channel, value}; receive from each done, add (spawns nothing)", Prepare: w6Hand},
			{Name: "hand-goroutines", How: "the same results, a goroutine per result forwarding to a channel", Prepare: w6HandGo},
			{Name: "errgroup", How: "the same results, errgroup.Group.Go per result waiting on it, Wait", Prepare: w6Errgroup},
			{Name: "conc", How: "the same results, pool.NewWithResults, Go per result waiting on it, Wait", Prepare: w6Conc},
			{Name: "lo", How: "filled and closed channels (made inside the timed loop: they are used up), lo.FanIn, lo.ChannelToSlice", Prepare: w6Lo},
			{Name: "rxgo", How: "rxgo.Just(v)() per result, rxgo.Merge, range Observe()", Prepare: w6Rxgo},
			{Name: "ro", How: "ro.Just(v) per result, ro.Merge, ro.Collect", Prepare: w6Ro},
			{Name: "promise", How: "promises settled beforehand (promise.New, Await), promise.All(ctx, ...), Await (a Then and a Catch goroutine per promise)", Prepare: w6Promise},
			{Name: "async", How: "futures settled beforehand (async.NewPromise, Success), async.FutureSeq, Join", Prepare: w6Async},
			{Name: "goresult", How: "future.Resolved per result, " + waitAllHow, Prepare: w6Goresult},
		},
	}
}

// settled is the hand-written form of a result that is already settled.
type settled struct {
	done chan struct{}
	v    int
}

func settledResults(n int) []settled {
	rs := make([]settled, n)
	for i := range rs {
		rs[i] = settled{done: make(chan struct{}), v: job(i)}
		close(rs[i].done)
	}
	return rs
}

func w6Hand(n int) Op {
	rs := settledResults(n)
	return func() int {
		total := 0
		for i := range rs {
			<-rs[i].done
			total += rs[i].v
		}
		return total
	}
}

func w6HandGo(n int) Op {
	rs := settledResults(n)
	return func() int {
		ch := make(chan int, n)
		for i := range rs {
			go func() { <-rs[i].done; ch <- rs[i].v }()
		}
		total := 0
		for range n {
			total += <-ch
		}
		return total
	}
}

func w6Errgroup(n int) Op {
	rs := settledResults(n)
	return func() int {
		out := make([]int, n)
		var g errgroup.Group
		for i := range rs {
			g.Go(func() error { <-rs[i].done; out[i] = rs[i].v; return nil })
		}
		if g.Wait() != nil {
			return -1
		}
		return sum(out)
	}
}

func w6Conc(n int) Op {
	rs := settledResults(n)
	return func() int {
		p := pool.NewWithResults[int]()
		for i := range rs {
			p.Go(func() int { <-rs[i].done; return rs[i].v })
		}
		return sum(p.Wait())
	}
}

func w6Lo(n int) Op {
	return func() int {
		chs := make([]<-chan int, n)
		for i := range n {
			ch := make(chan int, 1)
			ch <- job(i)
			close(ch)
			chs[i] = ch
		}
		return sum(lo.ChannelToSlice(lo.FanIn(0, chs...)))
	}
}

func w6Rxgo(n int) Op {
	obs := make([]rxgo.Observable, n)
	for i := range n {
		obs[i] = rxgo.Just(job(i))()
	}
	return func() int {
		total := 0
		for item := range rxgo.Merge(obs).Observe() {
			total += item.V.(int)
		}
		return total
	}
}

func w6Ro(n int) Op {
	obs := make([]ro.Observable[int], n)
	for i := range n {
		obs[i] = ro.Just(job(i))
	}
	return func() int {
		vs, err := ro.Collect(ro.Merge(obs...))
		if err != nil {
			return -1
		}
		return sum(vs)
	}
}

func w6Goresult(n int) Op {
	rs := make([]*future.Future[int], n)
	for i := range rs {
		rs[i] = future.Resolved(job(i))
	}
	ctx := context.Background()
	return func() int { return waitAllSum(ctx, rs) }
}
