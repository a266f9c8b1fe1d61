package ops_test

import (
	"context"
	"strconv"
	"testing"

	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

func itoa(v int) (string, error) { return strconv.Itoa(v), nil }

// settleWith returns a function that settles a future with v, or err if not
// nil.
func settleWith(v int, err error) func(*future.Future[int]) {
	return func(f *future.Future[int]) {
		if err != nil {
			f.SetError(err)
			return
		}
		f.SetResult(v)
	}
}

func TestMap(t *testing.T) {
	fails := func(int) (string, error) { return "", errBang }
	panics := func(int) (string, error) { panic("map panic") }
	tests := []struct {
		name      string
		set       func(*future.Future[int])
		f         func(int) (string, error)
		want      string
		wantErr   error
		wantPanic any
	}{
		{name: "value", set: settleWith(7, nil), f: itoa, want: "7"},
		{name: "input fails", set: settleWith(0, errBoom), f: itoa, wantErr: errBoom},
		{name: "f fails", set: settleWith(1, nil), f: fails, wantErr: errBang},
		{name: "f panics", set: settleWith(1, nil), f: panics, wantPanic: "map panic"},
	}
	for _, tt := range tests {
		checkUnary(t, tt.name, tt.set, func(in future.Result[int]) future.Result[string] { return ops.Map(in, tt.f) },
			tt.want, tt.wantErr, tt.wantPanic)
	}
}

// A panic in f fails the output; the goroutine settling the input carries on.
func TestMapPanicStaysInResult(t *testing.T) {
	var g errgroup.Group
	gate := make(chan struct{})
	task := future.Go(&g, func() (int, error) { <-gate; return 1, nil })
	out := ops.Map(task, func(int) (int, error) { panic(errBoom) })
	close(gate)
	if err := g.Wait(); err != nil {
		t.Fatalf("group: got %v, want nil: the panic escaped into the task", err)
	}
	wantError(t, out, errBoom) // PanicError unwraps to the panic value
	wantPanic(t, out, any(errBoom))
}

// A task cancelled before it finishes fails the output with its error.
func TestMapCancelledInput(t *testing.T) {
	tasks, causes, wait := cancellable(t, 1)
	out := ops.Map(tasks[0], itoa)
	tasks[0].Cancel(errBang)
	if _, err := out.Await(context.Background()); err == nil {
		t.Fatal("got nil error, want the task's cancellation")
	}
	wantError(t, out, context.Canceled)
	wait()
	if causes[0] != errBang {
		t.Fatalf("cause: got %v, want %v", causes[0], errBang)
	}
}

func TestMapChain(t *testing.T) {
	in := future.New[int]()
	out := ops.Map(ops.Map(ops.Map(in,
		func(v int) (int, error) { return v + 1, nil }),
		func(v int) (int, error) { return v * 10, nil }),
		itoa)
	wantPending(t, out)
	in.SetResult(4)
	wantValue(t, out, "50")
}

func TestOperatorNilFunctionPanics(t *testing.T) {
	r := future.Resolved(1)
	mustPanic(t, "ops: Map with a nil function", func() { ops.Map[int, int](r, nil) })
	mustPanic(t, "ops: Then with a nil function", func() { ops.Then[int, int](r, nil) })
	mustPanic(t, "ops: Catch with a nil function", func() { ops.Catch(r, nil) })
	mustPanic(t, "ops: Async with a nil function", func() { ops.Async[int](nil) })
	mustPanic(t, "ops: Map of a nil result", func() { ops.Map(nil, itoa) })
	mustPanic(t, "ops: Then of a nil result", func() {
		ops.Then(nil, func(int) future.Result[int] { return r })
	})
	mustPanic(t, "ops: Catch of a nil result", func() {
		ops.Catch(nil, func(error) (int, error) { return 0, nil })
	})
	mustPanic(t, "ops: Timeout of a nil result", func() { ops.Timeout[int](nil, 1) })
	mustPanic(t, "ops: Until of a nil result", func() { ops.Until[int](context.Background(), nil) })
	mustPanic(t, "ops: ToChannel of a nil result", func() { ops.ToChannel[int](nil) })
	mustPanic(t, "ops: Join2 of a nil result", func() { ops.Join2[int, int](r, nil) })
	mustPanic(t, "ops: Join3 of a nil result", func() { ops.Join3[int, int, int](r, r, nil) })
}
