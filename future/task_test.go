package future_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/sourcegraph/conc/pool"
	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
)

// Ported from aioresult's test_resultcapture: one task completes, one fails
// and its error reaches the group, which cancels the one still running.
func TestTaskCaptureAndPropagate(t *testing.T) {
	g, ctx := errgroup.WithContext(context.Background())
	gate2, gate3 := make(chan struct{}), make(chan struct{})
	r2 := future.Go(g, func() (int, error) { <-gate2; return 2, nil })
	r3 := future.Go(g, func() (int, error) { <-gate3; return 0, fmt.Errorf("task 3: %w", errTest) })
	r4 := future.Go(g, func() (int, error) { <-ctx.Done(); return 0, context.Cause(ctx) })

	for _, r := range []*future.Task[int]{r2, r3, r4} {
		if r.IsDone() {
			t.Fatalf("%v done before its gate opened", r)
		}
		if _, err := r.Get(); !errors.Is(err, future.ErrNotDone) {
			t.Fatalf("Get while running: got %v, want ErrNotDone", err)
		}
	}
	close(gate2)
	if v, err := r2.Await(context.Background()); v != 2 || err != nil {
		t.Fatalf("r2: got %v, %v, want 2, nil", v, err)
	}
	if r3.IsDone() || r4.IsDone() {
		t.Fatal("r3 or r4 done before r3's gate opened")
	}
	close(gate3)

	if err := g.Wait(); !errors.Is(err, errTest) {
		t.Fatalf("group error: got %v, want the task's error", err)
	}
	if v, err := r2.Get(); v != 2 || err != nil {
		t.Errorf("r2 after Wait: got %v, %v", v, err)
	}
	if _, err := r3.Get(); !errors.Is(err, errTest) || !strings.Contains(err.Error(), "task 3") {
		t.Errorf("r3: got %v, want task 3's error", err)
	}
	if !r4.IsDone() || !errors.Is(r4.Err(), errTest) {
		t.Errorf("r4: got %v, want cancelled through the group's context with r3's error as cause", r4.Err())
	}
}

// Ported from aioresult's test_resultcapture_suppressexception.
func TestTaskSuppressError(t *testing.T) {
	var g errgroup.Group
	r1 := future.Go(&g, func() (int, error) { return 1, nil }, future.SuppressError())
	r2 := future.Go(&g, func() (int, error) { return 0, errTest }, future.SuppressError())
	r3 := future.Go(&g, func() (int, error) { return 3, nil }, future.SuppressError())
	if err := g.Wait(); err != nil {
		t.Fatalf("group error: got %v, want nil (suppressed)", err)
	}
	if r1.Err() != nil || r3.Err() != nil {
		t.Errorf("r1, r3: got %v, %v, want nil errors", r1.Err(), r3.Err())
	}
	if r2.Err() != errTest {
		t.Errorf("r2: got %v, want %v recorded", r2.Err(), errTest)
	}
}

// Any spawner with Go(func() error) works: conc's ErrorPool here.
func TestTaskOnConcPool(t *testing.T) {
	p := pool.New().WithErrors()
	ok := future.Go(p, func() (string, error) { return "ok", nil })
	bad := future.Go(p, func() (string, error) { return "", errTest })
	if err := p.Wait(); !errors.Is(err, errTest) {
		t.Fatalf("pool error: got %v, want %v", err, errTest)
	}
	if v, err := ok.Get(); v != "ok" || err != nil {
		t.Errorf("ok: got %q, %v", v, err)
	}
	if bad.Err() != errTest {
		t.Errorf("bad: got %v", bad.Err())
	}
}

func TestTaskPanicIsRecordedAndPropagated(t *testing.T) {
	for _, opts := range [][]future.Option{nil, {future.SuppressError()}} {
		var g errgroup.Group
		r := future.Go(&g, func() (int, error) { panic(errTest) }, opts...)
		err := g.Wait()
		var pe *future.PanicError
		if !errors.As(err, &pe) {
			t.Fatalf("opts %v: group error %v, want a *PanicError even when suppressed", opts, err)
		}
		if pe.Value != errTest || !errors.Is(err, errTest) {
			t.Errorf("panic value: got %v, want %v, unwrapped", pe.Value, errTest)
		}
		if !strings.Contains(string(pe.Stack), "task_test.go") {
			t.Errorf("stack does not show the panicking function:\n%s", pe.Stack)
		}
		if r.Err() != err {
			t.Errorf("task error: got %v, want the same *PanicError as the group", r.Err())
		}
	}
	var g errgroup.Group
	r := future.Go(&g, func() (int, error) { panic("plain") })
	g.Wait()
	var pe *future.PanicError
	if !errors.As(r.Err(), &pe) || pe.Value != "plain" || pe.Unwrap() != nil {
		t.Errorf("got %#v, want a PanicError holding \"plain\"", r.Err())
	}
	if want := "future: panic: plain"; pe.Error() != want {
		t.Errorf("Error: got %q, want %q", pe.Error(), want)
	}
}

func TestTaskGoexitSettles(t *testing.T) {
	var g errgroup.Group
	r := future.Go(&g, func() (int, error) { runtime.Goexit(); return 1, nil })
	g.Wait()
	if r.Err() != future.ErrGoexit {
		t.Fatalf("got %v, want ErrGoexit", r.Err())
	}
}

func TestTaskCancel(t *testing.T) {
	g, gctx := errgroup.WithContext(context.Background())
	errLost := errors.New("lost")
	running := make(chan struct{})
	victim := future.GoContext(gctx, g, func(ctx context.Context) (int, error) {
		close(running)
		<-ctx.Done()
		return 0, context.Cause(ctx)
	})
	sibling := future.GoContext(gctx, g, func(ctx context.Context) (int, error) {
		<-victim.Done()
		return 5, ctx.Err() // the group's context must not be cancelled
	})
	<-running
	victim.Cancel(errLost)
	victim.Cancel(errors.New("second cancel is ignored"))
	if err := g.Wait(); err != nil {
		t.Fatalf("group error: got %v, want nil: a cancelled task does not fail its group", err)
	}
	if victim.Err() != errLost {
		t.Errorf("victim: got %v, want the cause %v", victim.Err(), errLost)
	}
	if v, err := sibling.Get(); v != 5 || err != nil {
		t.Errorf("sibling: got %v, %v", v, err)
	}
}

func TestTaskCancelNilCauseAndPlainTask(t *testing.T) {
	var g errgroup.Group
	started := make(chan struct{})
	r := future.GoContext(context.Background(), &g, func(ctx context.Context) (int, error) {
		close(started)
		<-ctx.Done()
		return 0, ctx.Err()
	})
	<-started
	r.Cancel(nil)
	release := make(chan struct{})
	plain := future.Go(&g, func() (int, error) { <-release; return 1, nil })
	plain.Cancel(errTest) // no context: no effect
	close(release)
	if err := g.Wait(); err != nil {
		t.Fatalf("group error: got %v", err)
	}
	if !errors.Is(r.Err(), context.Canceled) {
		t.Errorf("cancelled task: got %v, want context.Canceled", r.Err())
	}
	if v, _ := plain.Get(); v != 1 {
		t.Errorf("plain task: got %v, want 1", v)
	}
}

// Once cancelled, a task never fails its group, whatever error it answers
// the cancellation with (an RPC status that does not wrap context.Canceled,
// say); the error stays in the Task. A panic still reaches the group.
func TestTaskCancelledNeverFailsGroup(t *testing.T) {
	tests := []struct {
		name      string
		fn        func() (int, error)
		wantGroup func(error) bool
	}{
		{"own error", func() (int, error) { return 0, errTest }, func(err error) bool { return err == nil }},
		{"panic", func() (int, error) { panic(errTest) }, func(err error) bool {
			var pe *future.PanicError
			return errors.As(err, &pe) && errors.Is(err, errTest)
		}},
	}
	for _, tt := range tests {
		var g errgroup.Group
		started := make(chan struct{})
		r := future.GoContext(context.Background(), &g, func(ctx context.Context) (int, error) {
			close(started)
			<-ctx.Done()
			return tt.fn()
		})
		<-started
		r.Cancel(nil)
		if err := g.Wait(); !tt.wantGroup(err) {
			t.Errorf("%s: group error: got %v", tt.name, err)
		}
		if !errors.Is(r.Err(), errTest) {
			t.Errorf("%s: task error: got %v, want %v", tt.name, r.Err(), errTest)
		}
	}
}

func TestTaskBadInput(t *testing.T) {
	var g errgroup.Group
	checkPanic(t, "future: Go with a nil function", func() { future.Go[int](&g, nil) })
	checkPanic(t, "future: nil Spawner", func() { future.Go(nil, func() (int, error) { return 0, nil }) })
	checkPanic(t, "future: GoContext with a nil function", func() { future.GoContext[int](context.Background(), &g, nil) })
	checkPanic(t, "future: nil Context", func() {
		//lint:ignore SA1012 testing the nil check
		future.GoContext(nil, &g, func(context.Context) (int, error) { return 0, nil }) //nolint:staticcheck
	})
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
}

// Many tasks on one group, read from many goroutines.
func TestTaskManyReaders(t *testing.T) {
	var g errgroup.Group
	g.SetLimit(8)
	tasks := make([]*future.Task[int], 200)
	for i := range tasks {
		tasks[i] = future.Go(&g, func() (int, error) { return i * i, nil })
	}
	var wg sync.WaitGroup
	for _, r := range tasks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.Wait(context.Background())
		}()
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	for i, r := range tasks {
		if v, err := r.Get(); v != i*i || err != nil {
			t.Fatalf("task %d: got %v, %v", i, v, err)
		}
	}
}

func TestTaskString(t *testing.T) {
	var g errgroup.Group
	gate := make(chan struct{})
	r := future.Go(&g, func() (float64, error) { <-gate; return 0.1, nil })
	if got := fmt.Sprint(r); got != "Task(pending)" {
		t.Errorf("got %q, want Task(pending)", got)
	}
	close(gate)
	g.Wait()
	if got := fmt.Sprint(r); got != "Task(value=0.1)" {
		t.Errorf("got %q, want Task(value=0.1)", got)
	}
}
