package bench

import (
	"context"
	"runtime"

	"github.com/reugn/async"
)

// The "async" columns: github.com/reugn/async, written as its examples write
// it. Task.Call runs its function on a goroutine of its own, and so does every
// Future.Map, FutureSeq and FutureFirstCompletedOf (which starts one more per
// future it watches); a Promise completed with Success is a settled Future. A
// Task takes no context. The library has no as-completed operator (W3) and no
// stream (W7); its Executor is the worker pool of W8.

// asyncJob starts task i as an async.Task.
func asyncJob(i int) async.Future[int] {
	return async.NewTask(func() (int, error) { return job(i), nil }).Call()
}

// asyncValue returns Join's value, or -1 on error.
func asyncValue(v int, err error) int {
	if err != nil {
		return -1
	}
	return v
}

func w1Async(int) Op {
	return func() int { return asyncValue(asyncJob(0).Join()) }
}

// asyncSeqSum joins async.FutureSeq over fs and sums its items, which are
// values or errors.
func asyncSeqSum(fs []async.Future[int]) int {
	items, err := async.FutureSeq(fs).Join()
	if err != nil {
		return -1
	}
	total := 0
	for _, item := range items {
		v, ok := item.(int)
		if !ok {
			return -1
		}
		total += v
	}
	return total
}

func w2Async(n int) Op {
	return func() int {
		fs := make([]async.Future[int], n)
		for i := range n {
			fs[i] = asyncJob(i)
		}
		return asyncSeqSum(fs)
	}
}

func w4Async(n int) Op {
	return func() int {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		fs := make([]async.Future[int], n)
		for i := range n {
			fs[i] = async.NewTask(func() (int, error) { return raceTask(ctx, i, n) }).Call()
		}
		return asyncValue(async.FutureFirstCompletedOf(fs...).Join())
	}
}

func w5Async(int) Op {
	f1, f2, f3 := errless(stage1), errless(stage2), errless(stage3)
	return func() int {
		p := async.NewPromise[int]()
		p.Success(chainInput())
		return asyncValue(p.Future().Map(f1).Map(f2).Map(f3).Join())
	}
}

func w6Async(n int) Op {
	fs := make([]async.Future[int], n)
	for i := range n {
		p := async.NewPromise[int]()
		p.Success(job(i))
		fs[i] = p.Future()
	}
	return func() int { return asyncSeqSum(fs) }
}

func w8Async(n int) Op {
	in := ints(n)
	return func() int {
		// Submit fails with ErrExecutorQueueFull rather than wait, so the
		// queue holds the whole batch.
		ex := async.NewExecutor[int](context.Background(), async.NewExecutorConfig(runtime.GOMAXPROCS(0), n))
		defer func() { _ = ex.Shutdown() }()
		fs := make([]async.Future[int], n)
		for i, x := range in {
			f, err := ex.Submit(func(context.Context) (int, error) { return work(x), nil })
			if err != nil {
				return -1
			}
			fs[i] = f
		}
		return asyncSeqSum(fs)
	}
}
