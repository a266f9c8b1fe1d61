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

// w1 is one task's result: start a goroutine that computes a value, and
// wait for it.
func w1() Workload {
	return Workload{
		ID: "W1", Title: "one task's result",
		Sizes: []int{1}, Short: 1, Baseline: "hand",
		Want: func(int) int { return job(0) },
		Approaches: []Approach{
			{Name: "hand", How: "go func + buffered channel of 1", Prepare: w1Hand},
			{Name: "errgroup", How: "errgroup.Group.Go writing a captured variable, Wait", Prepare: w1Errgroup},
			{Name: "conc", How: "pool.NewWithResults, Go, Wait", Prepare: w1Conc},
			{Name: "lo", How: "<-lo.Async(f)", Prepare: w1Lo},
			{Name: "rxgo", How: "rxgo.Start with one supplier, range Observe()", Prepare: w1Rxgo},
			{Name: "ro", How: "ro.Collect(ro.Future(f))", Prepare: w1Ro},
			{Name: "promise", How: "promise.New with an executor that resolves, Await(ctx)", Prepare: w1Promise},
			{Name: "async", How: "async.NewTask(f).Call(), Join", Prepare: w1Async},
			{Name: "goresult", How: "future.Go on an errgroup.Group, Await", Prepare: w1Goresult},
			groupOne(),
		},
	}
}

func w1Hand(int) Op {
	return func() int {
		ch := make(chan int, 1)
		go func() { ch <- job(0) }()
		return <-ch
	}
}

func w1Errgroup(int) Op {
	return func() int {
		var g errgroup.Group
		var v int
		g.Go(func() error { v = job(0); return nil })
		if g.Wait() != nil {
			return -1
		}
		return v
	}
}

func w1Conc(int) Op {
	return func() int {
		p := pool.NewWithResults[int]()
		p.Go(func() int { return job(0) })
		return p.Wait()[0]
	}
}

func w1Lo(int) Op {
	return func() int { return <-lo.Async(func() int { return job(0) }) }
}

func w1Rxgo(int) Op {
	return func() int {
		obs := rxgo.Start([]rxgo.Supplier{func(context.Context) rxgo.Item { return rxgo.Of(job(0)) }})
		v := -1
		for item := range obs.Observe() {
			v = item.V.(int)
		}
		return v
	}
}

func w1Ro(int) Op {
	return func() int {
		vs, err := ro.Collect(ro.Future(func() (int, error) { return job(0), nil }))
		if err != nil || len(vs) != 1 {
			return -1
		}
		return vs[0]
	}
}

func w1Goresult(int) Op {
	ctx := context.Background()
	return func() int {
		var g errgroup.Group
		t := future.Go(&g, func() (int, error) { return job(0), nil })
		v, err := t.Await(ctx)
		if err != nil {
			return -1
		}
		return v
	}
}
