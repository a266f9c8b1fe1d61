package ops_test

import (
	"testing"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

func inc(v int) (int, error) { return v + 1, nil }

func double(v int) future.Result[int] { return future.Resolved(v * 2) }

// A chain of Map, Then and Map costs one allocation per stage on a settled
// result (the stage's output; Then's is the result its function returns).
// On a pending result each stage costs four: its output future, its
// callback, and, inside future.AfterFunc, the callback's slot and its stop
// function. The test pins both figures so that a regression shows.
func TestChainAllocs(t *testing.T) {
	const stages = 3
	src := future.Resolved(1)
	settled := testing.AllocsPerRun(200, func() {
		if v, _ := ops.Map(ops.Then(ops.Map(src, inc), double), inc).Get(); v != 5 {
			t.Fatalf("got %d, want 5", v)
		}
	})
	if settled > stages {
		t.Errorf("settled input: %v allocations for %d stages, want at most %d", settled, stages, stages)
	}
	pending := testing.AllocsPerRun(200, func() {
		p := future.New[int]()
		out := ops.Map(ops.Then(ops.Map(p, inc), double), inc)
		p.SetResult(1)
		if v, _ := out.Get(); v != 5 {
			t.Fatalf("got %d, want 5", v)
		}
	})
	// One for p, one for the future double returns.
	if perStage := (pending - 2) / stages; perStage > 4 {
		t.Errorf("pending input: %v allocations per stage, want at most 4", perStage)
	}
}
