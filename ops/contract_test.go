package ops_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"testing"
	"testing/synctest"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

// The tests of DESIGN.md's completion contract, one per point, each a
// regression test of a defect reproduced before the fix (issue 8).

// bounded returns a context that ends the test's wait if the code under test
// hangs, so that a deadlock fails the test instead of hanging it.
func bounded(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// Continuations never hold a group slot: Then whose function starts the next
// task in the same errgroup at its limit does not deadlock the group (defect
// 1), for a chain of 50 such continuations too.
func TestContinuationInLimitedErrgroup(t *testing.T) {
	for _, limit := range []int{1, 2} {
		t.Run(fmt.Sprint("limit ", limit), func(t *testing.T) {
			ctx := bounded(t)
			g, gctx := errgroup.WithContext(ctx)
			g.SetLimit(limit)
			var r future.Result[int] = future.GoContext(gctx, g, func(context.Context) (int, error) { return 0, nil })
			for range 50 {
				r = ops.Then(r, func(v int) future.Result[int] {
					return future.Go(g, func() (int, error) { return v + 1, nil })
				})
			}
			if v, err := r.Await(ctx); v != 50 || err != nil {
				t.Fatalf("got %v, %v; want 50, nil", v, err)
			}
			if err := g.Wait(); err != nil {
				t.Fatalf("group: %v", err)
			}
		})
	}
}

// Inputs are read once, at the call: reusing the caller's slice afterwards
// changes nothing (defect 2).
func TestSliceReuse(t *testing.T) {
	t.Run("All", func(t *testing.T) {
		batch := futures(2)
		a, b := batch[0], batch[1]
		all := ops.All(batch...)
		batch = append(batch[:0], future.New[int](), future.New[int]()) // never settled
		a.SetResult(1)
		b.SetResult(2)
		if v, err := all.Get(); err != nil || len(v) != 2 || v[0] != 1 || v[1] != 2 {
			t.Fatalf("got %v, %v; want [1 2]", v, err)
		}
	})
	t.Run("Race", func(t *testing.T) {
		batch := futures(2)
		a := batch[0]
		race := ops.Race(batch...)
		other := future.New[int]()
		batch[0] = other
		a.SetResult(7)
		other.SetError(errors.New("not an input"))
		wantValue(t, race, 7)
	})
	t.Run("Any cancels its own losers", func(t *testing.T) {
		tasks, causes, wait := cancellable(t, 2)
		win := future.New[int]()
		bystanders, bcauses, bwait := cancellable(t, 1)
		batch := []future.Result[int]{win, tasks[0], tasks[1]}
		out := ops.Any(batch...)
		batch[1] = bystanders[0]
		win.SetResult(1)
		wantValue(t, out, 1)
		wait()
		bwait()
		for i, c := range causes {
			if c != ops.ErrLost {
				t.Errorf("loser %d: cause %v, want ErrLost", i, c)
			}
		}
		if bcauses[0] == ops.ErrLost {
			t.Error("a task put into the slice after the call was cancelled as a loser")
		}
	})
}

// Handed out means done: a result that WaitAny, WaitAll, ResultsToChannel,
// Merge or AllSettled hands out is done, even while a callback of the result
// is still running in the goroutine that settles it (defect 3).
func TestHandedOutMeansDone(t *testing.T) {
	waits := []struct {
		name string
		wait func(ctx context.Context, r *future.Future[int]) (future.Waitable, error)
	}{
		{"WaitAny", func(ctx context.Context, r *future.Future[int]) (future.Waitable, error) {
			return ops.WaitAny(ctx, r)
		}},
		{"WaitAll", func(ctx context.Context, r *future.Future[int]) (future.Waitable, error) {
			return r, ops.WaitAll(ctx, r)
		}},
		{"ResultsToChannel", func(ctx context.Context, r *future.Future[int]) (future.Waitable, error) {
			ch := make(chan *future.Future[int], 1)
			err := ops.ResultsToChannel(ctx, []*future.Future[int]{r}, ch, true)
			return <-ch, err
		}},
		{"Merge", func(ctx context.Context, r *future.Future[int]) (future.Waitable, error) {
			var got future.Waitable
			err := ops.Merge(r)(ctx, func(r *future.Future[int]) error { got = r; return nil })
			return got, err
		}},
		{"AllSettled", func(ctx context.Context, r *future.Future[int]) (future.Waitable, error) {
			rs, err := ops.AllSettled(r).Await(ctx)
			if err != nil {
				return nil, err
			}
			return rs[0], nil
		}},
	}
	for _, w := range waits {
		t.Run(w.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				r := future.New[int]()
				entered, gate := make(chan struct{}), make(chan struct{})
				future.AfterFunc(r, func() { close(entered); <-gate })
				go r.SetResult(1)
				<-entered // r is settling: its callback runs, and blocks
				got := make(chan future.Waitable, 1)
				go func() {
					h, err := w.wait(context.Background(), r)
					if err != nil {
						t.Errorf("wait: %v", err)
					}
					got <- h
				}()
				synctest.Wait()
				select {
				case h := <-got:
					t.Fatalf("handed out %v while its callback still runs (IsDone %v)", h, h.IsDone())
				default:
				}
				close(gate)
				h := <-got
				if !h.IsDone() || fmt.Sprint(h) != "Future(value=1)" {
					t.Fatalf("handed out %v, IsDone %v; want it done", h, h.IsDone())
				}
			})
		})
	}
}

// A typed nil result is nil: a panic at the call that received it, with its
// name, or the documented error; never a crash later (defect 4).
func TestTypedNil(t *testing.T) {
	var nilTask *future.Task[int]
	var nilFuture *future.Future[int]
	t.Run("Then returns a nil *Task", func(t *testing.T) {
		nilNext := func(int) future.Result[int] { return nilTask }
		wantError(t, ops.Then[int, int](future.Resolved(1), nilNext), ops.ErrNilResult)
		in := future.New[int]()
		out := ops.Then(in, nilNext)
		in.SetResult(1)
		wantError(t, out, ops.ErrNilResult)
	})
	panics := []struct {
		name string
		call func()
	}{
		{"ops: Timeout of a nil result", func() { ops.Timeout[int](nilFuture, time.Nanosecond) }},
		{"ops: Until of a nil result", func() { ops.Until[int](context.Background(), nilTask) }},
		{"ops: Race of a nil result", func() { ops.Race(future.New[int](), nilFuture) }},
		{"ops: Any of a nil result", func() { ops.Any(future.New[int](), nilFuture) }},
		{"ops: All of a nil result", func() { ops.All(nilFuture) }},
		{"ops: AllSettled of a nil result", func() { ops.AllSettled(nilFuture) }},
		{"ops: Map of a nil result", func() { ops.Map[int, int](nilTask, inc) }},
		{"ops: Then of a nil result", func() { ops.Then[int, int](nilTask, double) }},
		{"ops: Catch of a nil result", func() { ops.Catch[int](nilTask, func(error) (int, error) { return 0, nil }) }},
		{"ops: Join2 of a nil result", func() { ops.Join2[int, int](nilTask, future.Resolved(1)) }},
		{"ops: Merge of a nil result", func() { ops.Merge(nilFuture) }},
		{"ops: WaitAny of a nil result", func() { ops.WaitAny(context.Background(), nilFuture) }},
		{"ops: ToChannel of a nil result", func() { ops.ToChannel[int](nilFuture) }},
	}
	for _, p := range panics {
		mustPanic(t, p.name, p.call)
	}
}

// Depth costs no stack: a chain of a million Map stages, and a retry loop
// written as Then returning Then, settle on a small, bounded stack (defect
// 5). Before the fix, each stage took a level of recursion.
func TestDeepChains(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(1 << 20)) // 1 MB: a few thousand levels of the old recursion
	t.Run("Map", func(t *testing.T) {
		stages := 1_000_000
		if testing.Short() {
			stages = 100_000
		}
		root := future.New[int]()
		var r future.Result[int] = root
		for range stages {
			r = ops.Map(r, inc)
		}
		root.SetResult(0)
		wantValue(t, r, stages)
	})
	t.Run("Then returning Then", func(t *testing.T) {
		const rounds = 100_000
		var attempts []*future.Future[int]
		var loop func(i int) future.Result[int]
		loop = func(i int) future.Result[int] {
			if i == rounds {
				return future.Resolved(i)
			}
			a := future.New[int]()
			attempts = append(attempts, a)
			return ops.Then(a, func(int) future.Result[int] { return loop(i + 1) })
		}
		out := loop(0)
		for i := 0; i < len(attempts); i++ { // settling one starts the next
			attempts[i].SetResult(i)
		}
		wantValue(t, out, rounds)
	})
}

// Goexit is never silent: runtime.Goexit in the function of Map, Then or
// Catch settles the output with future.ErrGoexit (defect 6).
func TestGoexitInOperatorFunction(t *testing.T) {
	ops := map[string]func(future.Result[int]) future.Result[int]{
		"Map": func(r future.Result[int]) future.Result[int] {
			return ops.Map(r, func(int) (int, error) { runtime.Goexit(); return 0, nil })
		},
		"Then": func(r future.Result[int]) future.Result[int] {
			return ops.Then(r, func(int) future.Result[int] { runtime.Goexit(); return nil })
		},
		"Catch": func(r future.Result[int]) future.Result[int] {
			return ops.Catch(ops.Map(r, func(int) (int, error) { return 0, errTest }),
				func(error) (int, error) { runtime.Goexit(); return 0, nil })
		},
	}
	for name, op := range ops {
		in := future.New[int]()
		out := op(in)
		exited := make(chan struct{})
		go func() {
			defer close(exited)
			in.SetResult(1)
		}()
		<-exited
		if _, err := out.Await(bounded(t)); err != future.ErrGoexit {
			t.Errorf("%s: got %v, want future.ErrGoexit", name, err)
		}
	}
}

var errTest = errors.New("test error")

// rpcStatus is an error a client answers a cancellation with, that does not
// wrap context.Canceled.
var rpcStatus = errors.New("rpc error: code = Canceled")

// A cancelled task never fails its group: the losers of Race answering with
// an error of their own, and a GoStart task cancelled before it started,
// leave the group and the winner alone (defect 7).
func TestCancelledLosersNeverFailGroup(t *testing.T) {
	t.Run("Race", func(t *testing.T) {
		g, ctx := errgroup.WithContext(bounded(t))
		loser := func(ctx context.Context) (int, error) { <-ctx.Done(); return 0, rpcStatus }
		win := make(chan int)
		race := ops.Race(future.GoContext(ctx, g, loser), future.GoContext(ctx, g, loser),
			future.GoContext(ctx, g, func(context.Context) (int, error) { return <-win, nil }))
		win <- 3
		wantValueAwait(t, race, 3)
		if err := g.Wait(); err != nil {
			t.Fatalf("group: got %v, want nil", err)
		}
	})
	t.Run("GoStart not started", func(t *testing.T) {
		g, ctx := errgroup.WithContext(bounded(t))
		start, done := future.GoStart(ctx, g, func(ctx context.Context, started func(int)) (int, error) {
			<-ctx.Done()
			return 0, nil
		})
		winner := future.Resolved(1)
		wantValue(t, ops.Race[int, future.Result[int]](future.Result[int](winner), ops.Map(start, inc)), 1)
		if err := g.Wait(); err != nil {
			t.Fatalf("group: got %v, want nil", err)
		}
		if err := start.Err(); !errors.Is(err, future.ErrNotStarted) {
			t.Errorf("start: got %v, want ErrNotStarted", err)
		}
		wantValue[int](t, done, 0)
	})
}

func wantValueAwait[T comparable](t *testing.T, r future.Result[T], want T) {
	t.Helper()
	if v, err := r.Await(bounded(t)); err != nil || v != want {
		t.Fatalf("got %v, %v; want %v", v, err, want)
	}
}

// Cancellation flows upstream: Timeout of a Race cancels the tasks when the
// deadline wins, and a Race of Maps cancels the losing task (defect 8).
func TestCancellationFlowsUpstream(t *testing.T) {
	t.Run("Timeout of Race", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			tasks, causes, wait := cancellable(t, 3)
			_, err := ops.Timeout(ops.Race(tasks...), time.Second).Await(context.Background())
			if err != ops.ErrTimeout {
				t.Fatalf("got %v, want ErrTimeout", err)
			}
			synctest.Wait()
			for i, task := range tasks {
				if !task.IsDone() || causes[i] != ops.ErrTimeout {
					t.Errorf("task %d: done %v, cause %v; want done, cancelled with ErrTimeout", i, task.IsDone(), causes[i])
				}
			}
			wait()
		})
	})
	t.Run("Race of Maps", func(t *testing.T) {
		tasks, causes, wait := cancellable(t, 1)
		winner := future.New[int]()
		race := ops.Race(ops.Map(winner, inc), ops.Map(tasks[0], inc))
		winner.SetResult(1)
		wantValue(t, race, 2)
		if err := tasks[0].Wait(bounded(t)); err != nil || causes[0] != ops.ErrLost {
			t.Errorf("losing task: cause %v, want ErrLost", causes[0])
		}
		wait()
	})
	t.Run("every output is a Canceler", func(t *testing.T) {
		p := future.New[int]()
		outs := map[string]future.Result[int]{
			"Map":             ops.Map(p, inc),
			"Map settled":     ops.Map(future.Resolved(1), inc),
			"Then":            ops.Then(p, double),
			"Then settled":    ops.Then(future.Resolved(1), double),
			"Catch":           ops.Catch(p, func(error) (int, error) { return 0, nil }),
			"Race":            ops.Race(p),
			"Race of none":    ops.Race[int, *future.Future[int]](),
			"Any":             ops.Any(p),
			"Timeout":         ops.Timeout[int](p, time.Hour),
			"Until":           ops.Until[int](context.Background(), p),
			"FromChannel":     ops.FromChannel(context.Background(), make(chan int)),
			"Timeout settled": ops.Timeout[int](future.Resolved(1), time.Hour),
		}
		for name, r := range outs {
			c, ok := r.(future.Canceler)
			if !ok {
				t.Errorf("%s: %T is not a future.Canceler", name, r)
				continue
			}
			c.Cancel(errTest)
		}
		for _, r := range []any{ops.All(p), ops.AllSettled(p), ops.Join2[int, int](p, p)} {
			if _, ok := r.(future.Canceler); !ok {
				t.Errorf("%T is not a future.Canceler", r)
			}
		}
		p.SetResult(1) // stops Timeout's timer and Until's AfterFunc
	})
}

// Merge's order is exact: the results done when the run reaches them, in
// input order, then the others as they become done, in that order, even
// those that settle while Merge is still registering (defect 13).
func TestMergeOrder(t *testing.T) {
	x, y, z := future.New[int](), future.New[int](), future.New[int]()
	// Registering on y settles x (already registered: it arrives as it
	// becomes done) and then z (not reached yet: it is done when reached).
	y2 := onRegister{Future: y, do: func() { x.SetResult(1); z.SetResult(3) }}
	var got []int
	err := ops.Merge[future.Result[int]](x, y2, z)(bounded(t), func(r future.Result[int]) error {
		v, _ := r.Get()
		got = append(got, v)
		if len(got) == 2 {
			y.SetResult(2)
		}
		return nil
	})
	if want := []int{3, 1, 2}; err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v, %v; want %v", got, err, want)
	}
}

// onRegister is a result that runs do when a waiter registers on it.
type onRegister struct {
	*future.Future[int]
	do func()
}

func (r onRegister) Register(w future.Waiter) future.Registration {
	r.do()
	return r.Future.Register(w)
}

// A wait that ends because its context did keeps the context's cause
// (defect 11, for the waits of package ops and future's Await).
func TestWaitKeepsCause(t *testing.T) {
	cause := errors.New("shutting down")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(cause)
	p := future.New[int]()
	errs := map[string]error{
		"Await":   second(p.Await(ctx)),
		"WaitAll": ops.WaitAll(ctx, p),
		"WaitAny": second(ops.WaitAny(ctx, p)),
		"Merge":   ops.Merge(p)(ctx, func(*future.Future[int]) error { return nil }),
		"Until":   ops.Until[int](ctx, p).Err(),
	}
	for name, err := range errs {
		if !errors.Is(err, context.Canceled) || !errors.Is(err, cause) {
			t.Errorf("%s: got %v, want an error matching context.Canceled and the cause", name, err)
		}
	}
}

func second[T any](_ T, err error) error { return err }
