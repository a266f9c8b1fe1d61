package ops_test

import (
	"testing"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

func inc(v int) (int, error) { return v + 1, nil }

func double(v int) future.Result[int] { return future.Resolved(v * 2) }

// A chain of Map, Then and Map costs at most one allocation per stage, on a
// settled result and on a pending one: the stage's output, which is also its
// waiter on the input and sits in the input's inline waiter slot.
func TestChainAllocs(t *testing.T) {
	const stages = 3
	src := future.Resolved(1)
	settled := testing.AllocsPerRun(200, func() {
		if v, _ := ops.Map(ops.Then(ops.Map(src, inc), double), inc).Get(); v != 5 {
			t.Fatalf("got %d, want 5", v)
		}
	})
	// One for the future double returns.
	if perStage := (settled - 1) / stages; perStage > 1 {
		t.Errorf("settled input: %v allocations per stage, want at most 1", perStage)
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
	if perStage := (pending - 2) / stages; perStage > 1 {
		t.Errorf("pending input: %v allocations per stage, want at most 1", perStage)
	}
}
