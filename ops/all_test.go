package ops_test

import (
	"context"
	"slices"
	"testing"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

// All keeps the order of its inputs, whatever the order they settle in.
func TestAllKeepsInputOrder(t *testing.T) {
	fs := futures(5)
	out := ops.All(fs...)
	for _, i := range []int{3, 0, 4, 1} {
		fs[i].SetResult(i * 10)
		wantPending(t, out)
	}
	fs[2].SetResult(20)
	got, err := settledOutcome(t, out)
	if want := []int{0, 10, 20, 30, 40}; err != nil || !slices.Equal(got, want) {
		t.Fatalf("got %v, %v; want %v, nil", got, err, want)
	}
}

// All fails at the first failure, without waiting for the others.
func TestAllFailsEarly(t *testing.T) {
	fs := futures(3)
	fs[0].SetResult(1)
	out := ops.All(fs...)
	fs[2].SetError(errBoom)
	wantError(t, out, errBoom)
	fs[1].SetError(errBang) // too late to change anything
	wantError(t, out, errBoom)
}

func TestAllSettledInputs(t *testing.T) {
	tests := []struct {
		name    string
		rs      []future.Result[int]
		want    []int
		wantErr error
	}{
		{name: "empty", rs: nil, want: []int{}},
		{name: "values", rs: []future.Result[int]{future.Resolved(1), future.Resolved(2)}, want: []int{1, 2}},
		{name: "first failure in order", rs: []future.Result[int]{future.Resolved(1), future.Failed[int](errBang), future.Failed[int](errBoom)}, wantErr: errBang},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := ops.All(tt.rs...)
			if tt.wantErr != nil {
				wantError(t, out, tt.wantErr)
				return
			}
			got, err := settledOutcome(t, out)
			if err != nil || got == nil || !slices.Equal(got, tt.want) {
				t.Fatalf("got %#v, %v; want %v, nil", got, err, tt.want)
			}
		})
	}
}

// A cancelled task fails All with its error.
func TestAllCancelledTask(t *testing.T) {
	tasks, causes, wait := cancellable(t, 3)
	out := ops.All(tasks...)
	tasks[1].Cancel(errBang)
	if _, err := out.Await(context.Background()); err == nil {
		t.Fatal("got nil error, want the cancellation")
	}
	wantError(t, out, context.Canceled)
	if tasks[0].IsDone() || tasks[2].IsDone() {
		t.Fatal("All cancelled the other tasks; want them left alone")
	}
	wait()
	if causes[1] != errBang {
		t.Fatalf("cause: got %v, want %v", causes[1], errBang)
	}
}

// A panic in a task reaches All as the task's *future.PanicError.
func TestAllPanickedInput(t *testing.T) {
	in := future.New[int]()
	out := ops.All(in, future.Resolved(2))
	mapped := ops.Map(in, func(int) (int, error) { panic("in input") })
	in.SetResult(1)
	wantValue(t, ops.Map(out, func(v []int) (int, error) { return v[0] + v[1], nil }), 3)
	wantPanic(t, ops.All([]future.Result[int]{mapped, future.Resolved(2)}...), "in input")
}

func TestAllSettled(t *testing.T) {
	fs := futures(3)
	out := ops.AllSettled(fs...)
	fs[2].SetError(errBoom)
	fs[0].SetResult(7)
	wantPending(t, out)
	fs[1].SetError(errBang)
	got, err := settledOutcome(t, out)
	if err != nil || len(got) != 3 {
		t.Fatalf("got %v, %v; want 3 results", got, err)
	}
	wantValue(t, got[0], 7)
	wantError(t, got[1], errBang)
	wantError(t, got[2], errBoom)

	empty, err := settledOutcome(t, ops.AllSettled[int, *future.Future[int]]())
	if err != nil || empty == nil || len(empty) != 0 {
		t.Fatalf("AllSettled(): got %#v, %v; want an empty slice", empty, err)
	}
}

// AllSettled never fails: cancelled and panicked inputs are outcomes too.
func TestAllSettledCancelledAndPanicked(t *testing.T) {
	tasks, _, wait := cancellable(t, 2)
	panicked := ops.Map(tasks[1], func(int) (int, error) { panic("unreached") })
	in := future.New[int]()
	boom := ops.Map(in, func(int) (int, error) { panic("settled panic") })
	out := ops.AllSettled[int, future.Result[int]](tasks[0], panicked, boom)
	in.SetResult(1)
	tasks[0].Cancel(nil)
	tasks[1].Cancel(nil)
	wait()
	got, err := settledOutcome(t, out)
	if err != nil {
		t.Fatalf("got error %v, want nil", err)
	}
	wantError(t, got[0], context.Canceled)
	wantError(t, got[1], context.Canceled)
	wantPanic(t, got[2], "settled panic")
}
