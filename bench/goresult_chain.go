package bench

import (
	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

// goresultChain returns the goresult column of W5: three ops.Map on a ready
// result, which run inline and start no goroutine.
func goresultChain() []Approach {
	return []Approach{{Name: "goresult", How: "ops.Map three times on future.Resolved(v), Get", Prepare: w5Goresult}}
}

// errless adapts f to the (value, error) functions of ops.Map.
func errless(f func(int) int) func(int) (int, error) {
	return func(x int) (int, error) { return f(x), nil }
}

func w5Goresult(int) Op {
	f1, f2, f3 := errless(stage1), errless(stage2), errless(stage3)
	return func() int {
		v, err := ops.Map(ops.Map(ops.Map(future.Resolved(chainInput()), f1), f2), f3).Get()
		if err != nil {
			return -1
		}
		return v
	}
}
