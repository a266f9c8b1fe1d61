package ops_test

import (
	"context"
	"testing"

	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

func TestThen(t *testing.T) {
	inner := future.New[string]()
	in := future.New[int]()
	var gotArg int
	out := ops.Then(in, func(v int) future.Result[string] { gotArg = v; return inner })
	wantPending(t, out)
	in.SetResult(3)
	if gotArg != 3 {
		t.Fatalf("f called with %d, want 3", gotArg)
	}
	wantPending(t, out) // waits for inner too
	inner.SetResult("three")
	wantValue(t, out, "three")
}

func TestThenPaths(t *testing.T) {
	tests := []struct {
		name      string
		in        future.Result[int]
		f         func(int) future.Result[string]
		want      string
		wantErr   error
		wantPanic any
	}{
		{name: "value", in: future.Resolved(1), f: func(int) future.Result[string] { return future.Resolved("one") }, want: "one"},
		{name: "input fails", in: future.Failed[int](errBoom), f: func(int) future.Result[string] { panic("not called") }, wantErr: errBoom},
		{name: "inner fails", in: future.Resolved(1), f: func(int) future.Result[string] { return future.Failed[string](errBang) }, wantErr: errBang},
		{name: "f panics", in: future.Resolved(1), f: func(int) future.Result[string] { panic("then panic") }, wantPanic: "then panic"},
		{name: "f returns nil", in: future.Resolved(1), f: func(int) future.Result[string] { return nil }, wantErr: ops.ErrNilResult},
	}
	for _, tt := range tests {
		for _, pending := range []bool{false, true} {
			t.Run(tt.name+map[bool]string{false: " settled", true: " pending"}[pending], func(t *testing.T) {
				in := tt.in
				var gate *future.Future[int]
				if pending { // route the input through a pending future
					gate = future.New[int]()
					in = ops.Then(gate, func(int) future.Result[int] { return tt.in })
				}
				out := ops.Then(in, tt.f)
				if pending {
					wantPending(t, out)
					gate.SetResult(0)
				}
				switch {
				case tt.wantPanic != nil:
					wantPanic(t, out, tt.wantPanic)
				case tt.wantErr != nil:
					wantError(t, out, tt.wantErr)
				default:
					wantValue(t, out, tt.want)
				}
			})
		}
	}
}

// Then starts a task per step; cancelling the second step's task fails the
// chain with its error.
func TestThenTasks(t *testing.T) {
	g, ctx := errgroup.WithContext(context.Background())
	first := future.Go(g, func() (int, error) { return 20, nil })
	gate := make(chan struct{})
	started := make(chan *future.Task[int], 1)
	out := ops.Then(first, func(v int) future.Result[int] {
		second := future.GoContext(ctx, g, func(ctx context.Context) (int, error) {
			select {
			case <-gate:
				return v + 1, nil
			case <-ctx.Done():
				return 0, ctx.Err()
			}
		})
		started <- second
		return second
	})
	second := <-started
	second.Cancel(errBang)
	if err := g.Wait(); err != nil {
		t.Fatalf("group: got %v, want nil (Cancel does not fail the group)", err)
	}
	wantError(t, out, context.Canceled)
	close(gate)
}

func TestCatch(t *testing.T) {
	recoverBoom := func(err error) (int, error) {
		if err == errBoom {
			return -1, nil
		}
		return 0, err
	}
	tests := []struct {
		name      string
		set       func(*future.Future[int])
		f         func(error) (int, error)
		want      int
		wantErr   error
		wantPanic any
	}{
		{name: "value passes", set: settleWith(5, nil), f: recoverBoom, want: 5},
		{name: "recovered", set: settleWith(0, errBoom), f: recoverBoom, want: -1},
		{name: "rethrown", set: settleWith(0, errBang), f: recoverBoom, wantErr: errBang},
		{name: "f panics", set: settleWith(0, errBoom), f: func(error) (int, error) { panic("catch panic") }, wantPanic: "catch panic"},
	}
	for _, tt := range tests {
		checkUnary(t, tt.name, tt.set, func(in future.Result[int]) future.Result[int] { return ops.Catch(in, tt.f) },
			tt.want, tt.wantErr, tt.wantPanic)
	}
}

// Catch recovers a cancelled task into a default value.
func TestCatchCancelled(t *testing.T) {
	tasks, _, wait := cancellable(t, 1)
	out := ops.Catch(tasks[0], func(error) (int, error) { return 42, nil })
	tasks[0].Cancel(nil)
	wait()
	wantValue(t, out, 42)
}
