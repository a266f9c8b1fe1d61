package bench

import (
	"context"
	"runtime"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

// The "group" columns: goresult's own task group, future.Group, where a
// workload starts tasks (W1-W4 and W8; W5-W7 start none).

func groupOne() Approach {
	return Approach{Name: "group", How: "future.Go on a future.Group, Wait, Get", Prepare: w1Group}
}

func groupAll() Approach {
	return Approach{Name: "group", How: "future.Go per task on a future.Group, Wait, Get each", Prepare: w2Group}
}

func groupCompleted() Approach {
	return Approach{Name: "group", How: "future.Go per task on a future.Group, ops.ResultsToChannel in the same group, range, Wait", Prepare: w3Group}
}

func groupRace() Approach {
	return Approach{Name: "group", How: "future.NewGroup, future.GoContext per task with the group's context, ops.Race (cancels the losers), Await, Wait (joins them)", Prepare: w4Group}
}

func groupParallel() Approach {
	return Approach{Name: "group", How: "future.Group with SetLimit(GOMAXPROCS), future.Go per item, Wait, Get each", Prepare: w8Group}
}

func w1Group(int) Op {
	return func() int {
		var g future.Group
		t := future.Go(&g, func() (int, error) { return job(0), nil })
		if g.Wait() != nil {
			return -1
		}
		v, err := t.Get()
		if err != nil {
			return -1
		}
		return v
	}
}

// groupTasks starts n tasks in g.
func groupTasks(g *future.Group, n int) []*future.Task[int] {
	ts := make([]*future.Task[int], n)
	for i := range n {
		ts[i] = future.Go(g, func() (int, error) { return job(i), nil })
	}
	return ts
}

func w2Group(n int) Op {
	return func() int {
		var g future.Group
		ts := groupTasks(&g, n)
		if g.Wait() != nil {
			return -1
		}
		return sumResults(ts)
	}
}

func w3Group(n int) Op {
	ctx := context.Background()
	return func() int {
		var g future.Group
		return asCompletedSum(ctx, &g, groupTasks(&g, n))
	}
}

func w4Group(n int) Op {
	bg := context.Background()
	return func() int {
		g, ctx := future.NewGroup(bg)
		ts := make([]*future.Task[int], n)
		for i := range n {
			ts[i] = future.GoContext(ctx, g, func(ctx context.Context) (int, error) { return raceTask(ctx, i, n) })
		}
		v, err := ops.Race(ts...).Await(bg)
		if err != nil || g.Wait() != nil {
			return -1
		}
		return v
	}
}

func w8Group(n int) Op {
	in := ints(n)
	return func() int {
		var g future.Group
		g.SetLimit(runtime.GOMAXPROCS(0))
		ts := make([]*future.Task[int], n)
		for i, x := range in {
			ts[i] = future.Go(&g, func() (int, error) { return work(x), nil })
		}
		if g.Wait() != nil {
			return -1
		}
		return sumResults(ts)
	}
}
