package bench

import (
	"github.com/reactivex/rxgo/v2"
	"github.com/samber/lo"
	"github.com/samber/ro"
)

// w7 is a Map/Filter/Map stream over N ints, summed.
func w7() Workload {
	return Workload{
		ID: "W7", Title: "Map/Filter/Map stream over N ints",
		Sizes: []int{1_000_000}, Short: 1000, Baseline: "hand",
		Want: streamWant,
		Approaches: append([]Approach{
			{Name: "hand", How: "a plain for loop", Prepare: w7Hand},
			{Name: "hand-channels", How: "a goroutine per stage, linked by unbuffered channels", Prepare: w7Channels},
			{Name: "lo", How: "lo.Map(lo.Filter(lo.Map(s, f1), p), f2), lo.Sum (a slice per stage)", Prepare: w7Lo},
			{Name: "rxgo", How: "rxgo.Range(0, N).Map(f1).Filter(p).Map(f2), range Observe()", Prepare: w7Rxgo},
			{Name: "ro", How: "ro.Pipe4(ro.FromSlice(s), ro.Map(f1), ro.Filter(p), ro.Map(f2), ro.Sum()), ro.Collect", Prepare: w7Ro},
		}, goresultStream()...),
	}
}

func w7Hand(n int) Op {
	in := ints(n)
	return func() int {
		total := 0
		for _, x := range in {
			if y := stage1(x); keep(y) {
				total += stage2(y)
			}
		}
		return total
	}
}

func w7Channels(n int) Op {
	in := ints(n)
	return func() int {
		src := make(chan int)
		go func() {
			defer close(src)
			for _, x := range in {
				src <- x
			}
		}()
		mapped := pipeStage(src, func(x int, out chan<- int) { out <- stage1(x) })
		kept := pipeStage(mapped, func(x int, out chan<- int) {
			if keep(x) {
				out <- x
			}
		})
		last := pipeStage(kept, func(x int, out chan<- int) { out <- stage2(x) })
		total := 0
		for v := range last {
			total += v
		}
		return total
	}
}

// pipeStage runs f on every value from in in a new goroutine, and closes its
// output when in is closed.
func pipeStage(in <-chan int, f func(int, chan<- int)) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for x := range in {
			f(x, out)
		}
	}()
	return out
}

func w7Lo(n int) Op {
	in := ints(n)
	return func() int {
		a := lo.Map(in, func(x int, _ int) int { return stage1(x) })
		b := lo.Filter(a, func(x int, _ int) bool { return keep(x) })
		return lo.Sum(lo.Map(b, func(x int, _ int) int { return stage2(x) }))
	}
}

func w7Rxgo(n int) Op {
	return func() int {
		obs := rxgo.Range(0, n).
			Map(rxFunc(stage1)).
			Filter(func(v any) bool { return keep(v.(int)) }).
			Map(rxFunc(stage2))
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

func w7Ro(n int) Op {
	in := ints(n)
	return func() int {
		vs, err := ro.Collect(ro.Pipe4(ro.FromSlice(in), ro.Map(stage1), ro.Filter(keep), ro.Map(stage2), ro.Sum[int]()))
		if err != nil || len(vs) != 1 {
			return -1
		}
		return vs[0]
	}
}
