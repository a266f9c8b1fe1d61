package future_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

var errOther = errors.New("other failure")

// newGroups returns the ways of making a Group that the errgroup behaviours
// are checked on: a zero Group, and one from NewGroup (with and without
// JoinErrors, which must not change the first-error behaviours).
func newGroups() map[string]func() (*future.Group, context.Context) {
	return map[string]func() (*future.Group, context.Context){
		"zero": func() (*future.Group, context.Context) { return new(future.Group), context.Background() },
		"NewGroup": func() (*future.Group, context.Context) {
			return future.NewGroup(context.Background())
		},
	}
}

// Ported from errgroup's TestZeroGroup and TestWithContext: Wait returns the
// first error, and NewGroup's context is cancelled with it as its cause.
func TestGroupFirstError(t *testing.T) {
	cases := []struct {
		name string
		errs []error
		want error
	}{
		{"none", nil, nil},
		{"one nil", []error{nil}, nil},
		{"one error", []error{errTest}, errTest},
		{"nil then error", []error{nil, errTest}, errTest},
		{"first of two", []error{errTest, errOther}, errTest},
		{"first after nils", []error{nil, errOther, nil, errTest}, errOther},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g, ctx := future.NewGroup(context.Background())
			for _, err := range tc.errs {
				// One at a time, so that "first" is well defined.
				done := make(chan struct{})
				g.Go(func() error { defer close(done); return err })
				<-done
			}
			if got := g.Wait(); got != tc.want {
				t.Errorf("Wait: got %v, want %v", got, tc.want)
			}
			if ctx.Err() == nil {
				t.Error("context not cancelled once Wait returned")
			}
			wantCause := tc.want
			if wantCause == nil {
				wantCause = context.Canceled
			}
			if got := context.Cause(ctx); got != wantCause {
				t.Errorf("context.Cause: got %v, want %v", got, wantCause)
			}
		})
	}
}

// The context is cancelled by the first failure, before Wait, with the
// failure as its cause, so that siblings stop.
func TestGroupContextCancelledOnFailure(t *testing.T) {
	g, ctx := future.NewGroup(context.Background())
	sibling := future.Go(g, func() (int, error) {
		<-ctx.Done()
		return 0, context.Cause(ctx)
	})
	g.Go(func() error { return errTest })
	if got := g.Wait(); got != errTest {
		t.Fatalf("Wait: got %v, want %v", got, errTest)
	}
	if got := sibling.Err(); got != errTest {
		t.Errorf("sibling: got %v, want the failure as ctx's cause", got)
	}
}

// Ported from errgroup's TestGoLimit: no more than the limit run at once,
// whatever the limit, through Group.Go and future.Go alike.
func TestGroupLimit(t *testing.T) {
	for _, limit := range []int{1, 2, 5} {
		for name, spawn := range map[string]func(g *future.Group, f func() error){
			"Group.Go":  func(g *future.Group, f func() error) { g.Go(f) },
			"future.Go": func(g *future.Group, f func() error) { future.Go(g, func() (int, error) { return 0, f() }) },
		} {
			t.Run(fmt.Sprintf("%s/limit=%d", name, limit), func(t *testing.T) {
				var g future.Group
				g.SetLimit(limit)
				var active, most atomic.Int32
				for range 40 {
					spawn(&g, func() error {
						n := active.Add(1)
						defer active.Add(-1)
						for {
							m := most.Load()
							if n <= m || most.CompareAndSwap(m, n) {
								break
							}
						}
						runtime.Gosched()
						return nil
					})
				}
				if err := g.Wait(); err != nil {
					t.Fatalf("Wait: got %v, want nil", err)
				}
				if got := most.Load(); got > int32(limit) {
					t.Errorf("most running at once: got %d, want at most %d", got, limit)
				}
			})
		}
	}
}

// Ported from errgroup's TestTryGo: TryGo refuses at the limit and accepts
// again once a slot is free.
func TestGroupTryGo(t *testing.T) {
	for name, mk := range newGroups() {
		t.Run(name, func(t *testing.T) {
			g, _ := mk()
			const limit = 3
			g.SetLimit(limit)
			hold := make(chan struct{})
			var started []chan struct{}
			for i := range limit {
				s := make(chan struct{})
				started = append(started, s)
				if !g.TryGo(func() error { close(s); <-hold; return nil }) {
					t.Fatalf("TryGo %d below the limit: got false, want true", i)
				}
			}
			for _, s := range started {
				<-s
			}
			if g.TryGo(func() error { t.Error("ran above the limit"); return nil }) {
				t.Error("TryGo at the limit: got true, want false")
			}
			close(hold)
			if err := g.Wait(); err != nil {
				t.Fatalf("Wait: got %v", err)
			}
			ran := make(chan struct{})
			if !g.TryGo(func() error { close(ran); return nil }) {
				t.Error("TryGo after Wait: got false, want true")
			}
			<-ran
			if err := g.Wait(); err != nil {
				t.Errorf("second Wait: got %v", err)
			}
		})
	}
}

// A chain of continuations at the limit: each task's Then starts the next
// task in the same group. The slot is freed before the callbacks run, so the
// chain completes, and Wait waits for the tasks the continuations started.
func TestGroupContinuationsAtLimit(t *testing.T) {
	for _, limit := range []int{1, 2} {
		t.Run(fmt.Sprintf("limit=%d", limit), func(t *testing.T) {
			var g future.Group
			g.SetLimit(limit)
			const depth = 50
			var r future.Result[int] = future.Go(&g, func() (int, error) { return 0, nil })
			for range depth {
				r = ops.Then(r, func(v int) future.Result[int] {
					return future.Go(&g, func() (int, error) { return v + 1, nil })
				})
			}
			// Also fill the group's other slots, so that every task of the
			// chain starts while the group is at its limit.
			for range limit - 1 {
				future.Go(&g, func() (int, error) { return 0, nil })
			}
			if err := g.Wait(); err != nil {
				t.Fatalf("Wait: got %v", err)
			}
			if v, err := r.Get(); v != depth || err != nil {
				t.Errorf("end of the chain right after Wait: got %v, %v, want %d, nil", v, err, depth)
			}
		})
	}
}

// Wait returns only once every task's result is settled.
func TestGroupWaitMeansSettled(t *testing.T) {
	g, ctx := future.NewGroup(context.Background())
	tasks := make([]*future.Task[int], 200)
	for i := range tasks {
		switch i % 3 {
		case 0:
			tasks[i] = future.Go(g, func() (int, error) { return i, nil })
		case 1:
			tasks[i] = future.GoContext(ctx, g, func(context.Context) (int, error) { return i, nil })
		default:
			_, tasks[i] = future.GoStart(ctx, g, func(_ context.Context, started func(int)) (int, error) {
				started(i)
				return i, nil
			})
		}
	}
	if err := g.Wait(); err != nil {
		t.Fatalf("Wait: got %v", err)
	}
	for i, task := range tasks {
		if v, err := task.Get(); v != i || err != nil {
			t.Fatalf("task %d right after Wait: got %v, %v, want %d, nil", i, v, err, i)
		}
	}
}

// With JoinErrors, Wait returns every error, joined; each task keeps its own.
func TestGroupJoinErrors(t *testing.T) {
	g, ctx := future.NewGroup(context.Background(), future.JoinErrors())
	errs := []error{errTest, errOther, errors.New("third")}
	tasks := make([]*future.Task[int], len(errs))
	for i, e := range errs {
		tasks[i] = future.Go(g, func() (int, error) { return 0, e })
	}
	ok := future.Go(g, func() (int, error) { return 1, nil })
	err := g.Wait()
	for i, e := range errs {
		if !errors.Is(err, e) {
			t.Errorf("Wait: got %v, want it to match %v", err, e)
		}
		if got := tasks[i].Err(); got != e {
			t.Errorf("task %d: got %v, want %v", i, got, e)
		}
	}
	if got := len(err.(interface{ Unwrap() []error }).Unwrap()); got != len(errs) {
		t.Errorf("joined errors: got %d, want %d", got, len(errs))
	}
	if v, _ := ok.Get(); v != 1 {
		t.Errorf("succeeding task: got %v, want 1", v)
	}
	if cause := context.Cause(ctx); !errors.Is(err, cause) {
		t.Errorf("context's cause %v is not one of the errors", cause)
	}
}

// A panic is a *PanicError from Wait, winning over errors whatever the
// order, and never re-panicked; Goexit fails the group with ErrGoexit.
func TestGroupPanicAndGoexit(t *testing.T) {
	cases := []struct {
		name  string
		join  bool
		start func(g *future.Group, ctx context.Context, gate <-chan struct{})
		check func(t *testing.T, err error)
	}{
		{"Group.Go panic", false, func(g *future.Group, _ context.Context, gate <-chan struct{}) {
			g.Go(func() error { <-gate; panic("boom") })
		}, wantPanic("boom")},
		{"future.Go panic after an error", false, func(g *future.Group, _ context.Context, gate <-chan struct{}) {
			g.Go(func() error { return errTest })
			future.Go(g, func() (int, error) { <-gate; panic("boom") })
		}, wantPanic("boom")},
		{"GoContext panic after errors, joined", true, func(g *future.Group, ctx context.Context, gate <-chan struct{}) {
			g.Go(func() error { return errTest })
			g.Go(func() error { return errOther })
			future.GoContext(ctx, g, func(context.Context) (int, error) { <-gate; panic(errOther) })
		}, wantPanic(errOther)},
		{"GoStart panic", false, func(g *future.Group, ctx context.Context, gate <-chan struct{}) {
			future.GoStart(ctx, g, func(context.Context, func(int)) (int, error) { <-gate; panic("boom") })
		}, wantPanic("boom")},
		{"Group.Go Goexit", false, func(g *future.Group, _ context.Context, gate <-chan struct{}) {
			g.Go(func() error { <-gate; runtime.Goexit(); return nil })
		}, wantErr(future.ErrGoexit)},
		{"future.Go Goexit", false, func(g *future.Group, _ context.Context, gate <-chan struct{}) {
			future.Go(g, func() (int, error) { <-gate; runtime.Goexit(); return 0, nil })
		}, wantErr(future.ErrGoexit)},
		{"GoContext Goexit", false, func(g *future.Group, ctx context.Context, gate <-chan struct{}) {
			future.GoContext(ctx, g, func(context.Context) (int, error) { <-gate; runtime.Goexit(); return 0, nil })
		}, wantErr(future.ErrGoexit)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var opts []future.GroupOption
			if tc.join {
				opts = append(opts, future.JoinErrors())
			}
			g, ctx := future.NewGroup(context.Background(), opts...)
			gate := make(chan struct{})
			tc.start(g, ctx, gate)
			close(gate)
			err := g.Wait()
			tc.check(t, err)
			if cause := context.Cause(ctx); cause == nil {
				t.Error("context not cancelled")
			}
		})
	}
}

func wantPanic(v any) func(t *testing.T, err error) {
	return func(t *testing.T, err error) {
		t.Helper()
		pe, ok := err.(*future.PanicError)
		if !ok {
			t.Fatalf("Wait: got %T %v, want a *future.PanicError", err, err)
		}
		if pe.Value != v {
			t.Errorf("panic value: got %v, want %v", pe.Value, v)
		}
		if !strings.Contains(string(pe.Stack), "group_test.go") {
			t.Errorf("stack does not show the panicking function:\n%s", pe.Stack)
		}
	}
}

func wantErr(want error) func(t *testing.T, err error) {
	return func(t *testing.T, err error) {
		t.Helper()
		if err != want {
			t.Errorf("Wait: got %v, want %v", err, want)
		}
	}
}

// 100,000 tasks at SetLimit(8): all settled after Wait, never more than 8
// running, and no goroutine left.
func TestGroupManyTasksAtLimit(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	n := 100_000
	if testing.Short() {
		n = 10_000
	}
	var g future.Group
	g.SetLimit(8)
	var active, most atomic.Int32
	tasks := make([]*future.Task[int], n)
	for i := range tasks {
		tasks[i] = future.Go(&g, func() (int, error) {
			if a := active.Add(1); a > most.Load() {
				most.Store(a) // racy maximum, but never above the true one
			}
			defer active.Add(-1)
			return i, nil
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatalf("Wait: got %v", err)
	}
	if got := most.Load(); got > 8 {
		t.Errorf("most running at once: got %d, want at most 8", got)
	}
	for i, task := range tasks {
		if v, err := task.Get(); v != i || err != nil {
			t.Fatalf("task %d: got %v, %v", i, v, err)
		}
	}
}

// The context of a task on a Group reports why it was cancelled.
func TestGroupTaskContextCause(t *testing.T) {
	errMine := errors.New("mine")
	errParent := errors.New("parent gone")
	cases := []struct {
		name      string
		deadline  bool // the parent has a deadline: the ordinary context path
		cancel    func(g *future.Group, task *future.Task[int], parent context.CancelCauseFunc)
		wantCause error
		wantGroup error
	}{
		{"own Cancel", false, func(_ *future.Group, task *future.Task[int], _ context.CancelCauseFunc) {
			task.Cancel(errMine)
		}, errMine, nil},
		{"own Cancel, nil cause", false, func(_ *future.Group, task *future.Task[int], _ context.CancelCauseFunc) {
			task.Cancel(nil)
		}, future.ErrCancelled, nil},
		{"group failure", false, func(g *future.Group, _ *future.Task[int], _ context.CancelCauseFunc) {
			g.Go(func() error { return errTest })
		}, errTest, errTest},
		{"parent's cause", false, func(_ *future.Group, _ *future.Task[int], parent context.CancelCauseFunc) {
			parent(errParent)
		}, errParent, context.Canceled},
		{"own Cancel, parent with deadline", true, func(_ *future.Group, task *future.Task[int], _ context.CancelCauseFunc) {
			task.Cancel(errMine)
		}, errMine, nil},
		{"group failure, parent with deadline", true, func(g *future.Group, _ *future.Task[int], _ context.CancelCauseFunc) {
			g.Go(func() error { return errTest })
		}, errTest, errTest},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			parent, cancelParent := context.WithCancelCause(context.Background())
			defer cancelParent(nil)
			if tc.deadline {
				var stop context.CancelFunc
				parent, stop = context.WithTimeout(parent, 1<<40)
				defer stop()
			}
			g, ctx := future.NewGroup(parent)
			running := make(chan struct{})
			type key struct{}
			ctx = context.WithValue(ctx, key{}, "v")
			var cause error // read after Wait
			task := future.GoContext(ctx, g, func(ctx context.Context) (int, error) {
				if ctx.Value(key{}) != "v" {
					return 0, errors.New("value lost")
				}
				close(running)
				<-ctx.Done()
				cause = context.Cause(ctx)
				return 0, ctx.Err()
			})
			<-running
			tc.cancel(g, task, cancelParent)
			if err := g.Wait(); err != tc.wantGroup {
				t.Errorf("Wait: got %v, want %v", err, tc.wantGroup)
			}
			if err := task.Err(); cause != tc.wantCause || err != context.Canceled {
				t.Errorf("task saw cause %v, err %v; want %v, context.Canceled", cause, err, tc.wantCause)
			}
		})
	}
}

// The group's context as a GoContext's with its own values: the task's
// context keeps them, and is cancelled by the group's failure, on both paths.
func TestGroupTaskContextOtherContext(t *testing.T) {
	g, gctx := future.NewGroup(context.Background())
	other, stop := context.WithCancelCause(context.Background())
	defer stop(nil)
	task := future.GoContext(other, g, func(ctx context.Context) (int, error) {
		<-ctx.Done()
		return 0, context.Cause(ctx)
	})
	stop(errOther)
	if err := g.Wait(); err != errOther {
		t.Errorf("Wait: got %v, want the other context's cause %v", err, errOther)
	}
	if err := task.Err(); err != errOther {
		t.Errorf("task: got %v, want %v", err, errOther)
	}
	if context.Cause(gctx) != errOther {
		t.Errorf("group's context cause: got %v, want %v", context.Cause(gctx), errOther)
	}
}

// The loser of a race on a Group sees ops.ErrLost and does not fail the
// group, and the winner's value arrives.
func TestGroupRaceCancelsLosers(t *testing.T) {
	g, ctx := future.NewGroup(context.Background())
	const n = 10
	tasks := make([]*future.Task[int], n)
	for i := range tasks {
		tasks[i] = future.GoContext(ctx, g, func(ctx context.Context) (int, error) {
			if i == n-1 {
				return i, nil
			}
			<-ctx.Done()
			return 0, context.Cause(ctx)
		})
	}
	v, err := ops.Race(tasks...).Await(context.Background())
	if v != n-1 || err != nil {
		t.Fatalf("Race: got %v, %v, want %d, nil", v, err, n-1)
	}
	if err := g.Wait(); err != nil {
		t.Fatalf("Wait: got %v, want nil (a lost race does not fail the group)", err)
	}
	for _, task := range tasks[:n-1] {
		if err := task.Err(); !errors.Is(err, ops.ErrLost) {
			t.Errorf("loser: got %v, want ops.ErrLost", err)
		}
	}
}

// A deadline on the parent reaches the task as context.DeadlineExceeded.
func TestGroupTaskContextDeadline(t *testing.T) {
	parent, stop := context.WithDeadline(context.Background(), time.Unix(1, 0))
	defer stop()
	g, ctx := future.NewGroup(parent)
	task := future.GoContext(ctx, g, func(ctx context.Context) (int, error) {
		<-ctx.Done()
		return 0, ctx.Err()
	})
	g.Wait()
	if err := task.Err(); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("task: got %v, want context.DeadlineExceeded", err)
	}
}

// Bad input panics with a message that starts with "future:".
func TestGroupBadInput(t *testing.T) {
	busy := func() *future.Group {
		g := new(future.Group)
		g.SetLimit(1)
		hold := make(chan struct{})
		g.Go(func() error { <-hold; return nil })
		t.Cleanup(func() { close(hold); g.Wait() })
		return g
	}
	cases := []struct {
		name string
		call func()
	}{
		{"Go nil", func() { new(future.Group).Go(nil) }},
		{"TryGo nil", func() { new(future.Group).TryGo(nil) }},
		{"NewGroup nil context", func() { future.NewGroup(nil) }}, //nolint:staticcheck // the point of the test
		{"future.Go on a nil *Group", func() { future.Go((*future.Group)(nil), func() (int, error) { return 0, nil }) }},
		{"GoContext nil context", func() {
			future.GoContext(nil, new(future.Group), func(context.Context) (int, error) { return 0, nil }) //nolint:staticcheck
		}},
		{"negative SetLimit while running", func() { busy().SetLimit(-1) }},
		{"SetLimit while running", func() { busy().SetLimit(3) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				p := recover()
				if s, _ := p.(string); !strings.HasPrefix(s, "future: ") {
					t.Errorf("got panic %v, want a message starting with \"future: \"", p)
				}
			}()
			tc.call()
		})
	}
}

// A Group may be reused after Wait, as errgroup may.
func TestGroupReuseAfterWait(t *testing.T) {
	var g future.Group
	g.SetLimit(1)
	first := future.Go(&g, func() (int, error) { return 1, nil })
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	second := future.Go(&g, func() (int, error) { return 2, errTest })
	if err := g.Wait(); err != errTest {
		t.Errorf("second Wait: got %v, want %v", err, errTest)
	}
	if v, _ := first.Get(); v != 1 {
		t.Errorf("first: got %v", v)
	}
	if _, err := second.Get(); err != errTest {
		t.Errorf("second: got %v", err)
	}
}

// future.Go on a Group costs two allocations, the Task and the goroutine's
// closure: what a hand-written goroutine sending on a buffered channel costs
// (the channel and the closure).
func TestGroupAllocs(t *testing.T) {
	hand := testing.AllocsPerRun(200, func() {
		ch := make(chan int, 1)
		go func() { ch <- 1 }()
		<-ch
	})
	var g future.Group
	ours := testing.AllocsPerRun(200, func() {
		future.Go(&g, func() (int, error) { return 1, nil })
		g.Wait()
	})
	if ours > hand || ours > 2 {
		t.Errorf("future.Go on a Group: got %v allocations, want at most 2 and at most the hand-written %v", ours, hand)
	}
}

// GoStart on a Group: the cases of GoStart, through the Group's own path.
func TestGroupGoStart(t *testing.T) {
	cases := []struct {
		name                string
		fn                  func(context.Context, func(int)) (int, error)
		wantStart, wantDone error
		wantGroup           error
		startValue          int
	}{
		{"started, then returned", func(_ context.Context, started func(int)) (int, error) {
			started(1)
			return 2, nil
		}, nil, nil, nil, 1},
		{"failed before starting", func(context.Context, func(int)) (int, error) {
			return 0, errTest
		}, errTest, errTest, errTest, 0},
		{"returned without starting", func(context.Context, func(int)) (int, error) {
			return 2, nil
		}, future.ErrNotStarted, nil, future.ErrNotStarted, 0},
		{"Goexit before starting", func(context.Context, func(int)) (int, error) {
			runtime.Goexit()
			return 0, nil
		}, future.ErrGoexit, future.ErrGoexit, future.ErrGoexit, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g, ctx := future.NewGroup(context.Background())
			g.SetLimit(1)
			start, done := future.GoStart(ctx, g, tc.fn)
			if err := g.Wait(); err != tc.wantGroup {
				t.Errorf("Wait: got %v, want %v", err, tc.wantGroup)
			}
			if v, err := start.Get(); err != tc.wantStart || v != tc.startValue {
				t.Errorf("start: got %v, %v, want %v, %v", v, err, tc.startValue, tc.wantStart)
			}
			if err := done.Err(); err != tc.wantDone {
				t.Errorf("done: got %v, want %v", err, tc.wantDone)
			}
		})
	}
}

// A task started without a limit does not count against a limit set while it
// runs, and freeing its slot does not free someone else's.
func TestGroupLimitSetWhileUnlimitedTaskRuns(t *testing.T) {
	var g future.Group
	holdOld, holdNew := make(chan struct{}), make(chan struct{})
	old := future.Go(&g, func() (int, error) { <-holdOld; return 1, nil })
	g.SetLimit(1)
	fresh := future.Go(&g, func() (int, error) { <-holdNew; return 2, nil }) // must not wait for old
	close(holdOld)
	if err := old.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if g.TryGo(func() error { return nil }) {
		t.Error("TryGo while fresh holds the only slot: got true, want false (old freed a slot it never took)")
	}
	close(holdNew)
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	if v, _ := fresh.Get(); v != 2 {
		t.Errorf("fresh: got %v, want 2", v)
	}
}
