package bench

import (
	"context"
	"runtime"

	"github.com/chebyrash/promise"
	"github.com/sourcegraph/conc/pool"
)

// The "promise" columns: github.com/chebyrash/promise, written as its README
// writes it. Every promise.New, Then, and every promise handed to All or Race
// runs on a goroutine of its own (the default pool is `go f()`), and the
// library has no settled-promise constructor. It has no as-completed
// operator (W3) and no stream (W7); W8 bounds its executors with the conc
// pool the README points to.

// promiseJob starts task i as a promise, as the README does.
func promiseJob(i int) *promise.Promise[int] {
	return promise.New(func(resolve func(int), _ func(error)) { resolve(job(i)) })
}

// promiseValue dereferences Await's answer, or returns -1 on error.
func promiseValue(v *int, err error) int {
	if err != nil || v == nil {
		return -1
	}
	return *v
}

func w1Promise(int) Op {
	ctx := context.Background()
	return func() int { return promiseValue(promiseJob(0).Await(ctx)) }
}

// promiseAllSum awaits promise.All over ps and sums the values.
func promiseAllSum(ctx context.Context, ps []*promise.Promise[int]) int {
	vs, err := promise.All(ctx, ps...).Await(ctx)
	if err != nil || vs == nil {
		return -1
	}
	return sum(*vs)
}

func w2Promise(n int) Op {
	ctx := context.Background()
	return func() int {
		ps := make([]*promise.Promise[int], n)
		for i := range n {
			ps[i] = promiseJob(i)
		}
		return promiseAllSum(ctx, ps)
	}
}

func w4Promise(n int) Op {
	return func() int {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		ps := make([]*promise.Promise[int], n)
		for i := range n {
			ps[i] = promise.New(func(resolve func(int), reject func(error)) {
				v, err := raceTask(ctx, i, n)
				if err != nil {
					reject(err)
					return
				}
				resolve(v)
			})
		}
		return promiseValue(promise.Race(ctx, ps...).Await(ctx))
	}
}

func w5Promise(int) Op {
	ctx := context.Background()
	f1, f2, f3 := errless(stage1), errless(stage2), errless(stage3)
	return func() int {
		p := promise.New(func(resolve func(int), _ func(error)) { resolve(chainInput()) })
		return promiseValue(promise.Then(promise.Then(promise.Then(p, ctx, f1), ctx, f2), ctx, f3).Await(ctx))
	}
}

func w6Promise(n int) Op {
	ctx := context.Background()
	ps := make([]*promise.Promise[int], n)
	for i := range n {
		ps[i] = promiseJob(i)
		if _, err := ps[i].Await(ctx); err != nil {
			panic("bench: a promise of W6 failed: " + err.Error())
		}
	}
	return func() int { return promiseAllSum(ctx, ps) }
}

func w8Promise(n int) Op {
	in := ints(n)
	ctx := context.Background()
	return func() int {
		workers := pool.New().WithMaxGoroutines(runtime.GOMAXPROCS(0))
		defer workers.Wait()
		ps := make([]*promise.Promise[int], n)
		for i, x := range in {
			ps[i] = promise.NewWithPool(func(resolve func(int), _ func(error)) { resolve(work(x)) },
				promise.FromConcPool(workers))
		}
		return promiseAllSum(ctx, ps)
	}
}
