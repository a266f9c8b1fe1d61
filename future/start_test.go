package future_test

import (
	"context"
	"errors"
	"testing"

	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
)

// Ported from aioresult's test_startable_success: the start result settles
// when the function reports it, the done result when it returns.
func TestGoStartSuccess(t *testing.T) {
	g, ctx := errgroup.WithContext(context.Background())
	reachStart, reachEnd := make(chan struct{}), make(chan struct{})
	start, done := future.GoStart(ctx, g, func(ctx context.Context, started func(string)) (int, error) {
		<-reachStart
		started("127.0.0.1:8080")
		<-reachEnd
		return 2, nil
	})
	if start.IsDone() || done.IsDone() {
		t.Fatal("settled before the function started")
	}
	close(reachStart)
	addr, err := start.Await(context.Background())
	if addr != "127.0.0.1:8080" || err != nil {
		t.Fatalf("start: got %q, %v", addr, err)
	}
	if done.IsDone() {
		t.Fatal("done settled before the function returned")
	}
	close(reachEnd)
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	if v, err := done.Get(); v != 2 || err != nil {
		t.Fatalf("done: got %v, %v, want 2, nil", v, err)
	}
}

// Ported from aioresult's test_startable_failure: an error before start
// fails both results and reaches the group; one after start fails only done.
func TestGoStartFailure(t *testing.T) {
	var g errgroup.Group
	ctx := context.Background()
	src, rc := future.GoStart(ctx, &g, func(ctx context.Context, started func(int)) (int, error) {
		return 0, errTest
	})
	errLate := errors.New("late")
	src2, rc2 := future.GoStart(ctx, &g, func(ctx context.Context, started func(int)) (int, error) {
		started(1)
		return 0, errLate
	})
	err := g.Wait()
	if !errors.Is(err, errTest) && !errors.Is(err, errLate) {
		t.Fatalf("group error: got %v", err)
	}
	if src.Err() != errTest || rc.Err() != errTest {
		t.Errorf("failed before start: got %v and %v, want %v for both", src.Err(), rc.Err(), errTest)
	}
	if v, err := src2.Get(); v != 1 || err != nil {
		t.Errorf("start after a late failure: got %v, %v, want 1, nil", v, err)
	}
	if rc2.Err() != errLate {
		t.Errorf("done after a late failure: got %v, want %v", rc2.Err(), errLate)
	}
}

// Ported from aioresult's test_startable_early_return: returning without
// reporting a start fails the start result, and done keeps the value.
func TestGoStartEarlyReturn(t *testing.T) {
	var g errgroup.Group
	src, rc := future.GoStart(context.Background(), &g, func(ctx context.Context, started func(int)) (float64, error) {
		return 1.0, nil
	})
	if err := g.Wait(); !errors.Is(err, future.ErrNotStarted) {
		t.Fatalf("group error: got %v, want ErrNotStarted", err)
	}
	if !errors.Is(src.Err(), future.ErrNotStarted) {
		t.Errorf("start: got %v, want ErrNotStarted", src.Err())
	}
	if v, err := rc.Get(); v != 1.0 || err != nil {
		t.Errorf("done: got %v, %v, want 1, nil", v, err)
	}

	var g2 errgroup.Group
	src, _ = future.GoStart(context.Background(), &g2, func(ctx context.Context, started func(int)) (float64, error) {
		return 1.0, nil
	}, future.SuppressError())
	if err := g2.Wait(); err != nil {
		t.Errorf("suppressed: got group error %v", err)
	}
	if !errors.Is(src.Err(), future.ErrNotStarted) {
		t.Errorf("suppressed start: got %v, want ErrNotStarted", src.Err())
	}
}

func TestGoStartPanicAndDoubleStart(t *testing.T) {
	var g errgroup.Group
	ctx := context.Background()
	src, rc := future.GoStart(ctx, &g, func(ctx context.Context, started func(int)) (int, error) {
		panic("before start")
	})
	src2, rc2 := future.GoStart(ctx, &g, func(ctx context.Context, started func(int)) (int, error) {
		started(1)
		started(2)
		return 3, nil
	})
	err := g.Wait()
	var pe *future.PanicError
	if !errors.As(err, &pe) {
		t.Fatalf("group error: got %v, want a *PanicError", err)
	}
	for _, e := range []error{src.Err(), rc.Err()} {
		if !errors.As(e, &pe) || pe.Value != "before start" {
			t.Errorf("panic before start: got %v", e)
		}
	}
	if v, err := src2.Get(); v != 1 || err != nil {
		t.Errorf("start reported once: got %v, %v", v, err)
	}
	if !errors.As(rc2.Err(), &pe) || pe.Value != "future: started called twice, or after the task returned" {
		t.Errorf("second started: got %v, want a panic", rc2.Err())
	}
}

func TestGoStartCancel(t *testing.T) {
	var g errgroup.Group
	start, done := future.GoStart(context.Background(), &g, func(ctx context.Context, started func(struct{})) (int, error) {
		started(struct{}{})
		<-ctx.Done()
		return 0, context.Cause(ctx)
	})
	start.Wait(context.Background())
	start.Cancel(errTest)
	if err := g.Wait(); err != nil {
		t.Fatalf("group error: got %v, want nil", err)
	}
	if done.Err() != errTest {
		t.Errorf("done: got %v, want the cause %v", done.Err(), errTest)
	}
}
