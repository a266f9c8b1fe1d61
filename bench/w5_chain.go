package bench

import (
	"context"

	"github.com/reactivex/rxgo/v2"
	"github.com/samber/lo"
	"github.com/samber/ro"
)

// w5 is one ready value through a chain of three maps.
func w5() Workload {
	return Workload{
		ID: "W5", Title: "a value through a 3-stage map chain",
		Sizes: []int{1}, Short: 1, Baseline: "hand",
		Want: chainWant,
		Approaches: append([]Approach{
			{Name: "hand", How: "a goroutine per stage, linked by channels of 1", Prepare: w5Hand},
			{Name: "hand-inline", How: "three plain calls, f3(f2(f1(v)))", Prepare: w5Inline},
			{Name: "lo", How: "lo.Async per stage, each receiving the previous stage's channel", Prepare: w5Lo},
			{Name: "rxgo", How: "rxgo.Just(v)().Map(f1).Map(f2).Map(f3), range Observe()", Prepare: w5Rxgo},
			{Name: "ro", How: "ro.Pipe3(ro.Just(v), ro.Map(f1), ro.Map(f2), ro.Map(f3)), ro.Collect", Prepare: w5Ro},
			{Name: "promise", How: "promise.New resolving v (the library has no settled promise), promise.Then three times, Await (a goroutine per stage)", Prepare: w5Promise},
			{Name: "async", How: "async.NewPromise, Success(v), Future().Map(f1).Map(f2).Map(f3), Join (a goroutine per Map)", Prepare: w5Async},
		}, goresultChain()...),
	}
}

// stageGo runs f on the value from in in a new goroutine.
func stageGo(in <-chan int, f func(int) int) <-chan int {
	out := make(chan int, 1)
	go func() { out <- f(<-in) }()
	return out
}

func w5Hand(int) Op {
	return func() int {
		in := make(chan int, 1)
		in <- chainInput()
		return <-stageGo(stageGo(stageGo(in, stage1), stage2), stage3)
	}
}

func w5Inline(int) Op {
	return func() int { return stage3(stage2(stage1(chainInput()))) }
}

func w5Lo(int) Op {
	return func() int {
		v := chainInput()
		c1 := lo.Async(func() int { return stage1(v) })
		c2 := lo.Async(func() int { return stage2(<-c1) })
		c3 := lo.Async(func() int { return stage3(<-c2) })
		return <-c3
	}
}

// rxFunc adapts f to rxgo's untyped Func.
func rxFunc(f func(int) int) rxgo.Func {
	return func(_ context.Context, v any) (any, error) { return f(v.(int)), nil }
}

func w5Rxgo(int) Op {
	return func() int {
		obs := rxgo.Just(chainInput())().Map(rxFunc(stage1)).Map(rxFunc(stage2)).Map(rxFunc(stage3))
		v := -1
		for item := range obs.Observe() {
			v = item.V.(int)
		}
		return v
	}
}

func w5Ro(int) Op {
	return func() int {
		vs, err := ro.Collect(ro.Pipe3(ro.Just(chainInput()), ro.Map(stage1), ro.Map(stage2), ro.Map(stage3)))
		if err != nil || len(vs) != 1 {
			return -1
		}
		return vs[0]
	}
}
