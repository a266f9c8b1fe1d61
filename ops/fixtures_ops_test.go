package ops_test

import (
	"context"
	"errors"
	"testing"

	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
)

var (
	errBoom = errors.New("boom")
	errBang = errors.New("bang")
)

// settledOutcome returns what r settled with, failing the test if r is
// still pending.
func settledOutcome[T any](t *testing.T, r future.Result[T]) (T, error) {
	t.Helper()
	if !r.IsDone() {
		t.Fatalf("%v: pending, want settled", r)
	}
	return r.Get()
}

// wantValue fails the test unless r has succeeded with want.
func wantValue[T comparable](t *testing.T, r future.Result[T], want T) {
	t.Helper()
	got, err := settledOutcome(t, r)
	if err != nil || got != want {
		t.Fatalf("got %v, %v; want %v, nil", got, err, want)
	}
}

// wantError fails the test unless r has failed with an error matching want.
func wantError[T any](t *testing.T, r future.Result[T], want error) {
	t.Helper()
	got, err := settledOutcome(t, r)
	if !errors.Is(err, want) {
		t.Fatalf("got %v, %v; want an error matching %v", got, err, want)
	}
}

// wantPanic fails the test unless r has failed with a *future.PanicError
// holding want.
func wantPanic[T any](t *testing.T, r future.Result[T], want any) {
	t.Helper()
	_, err := settledOutcome(t, r)
	var pe *future.PanicError
	if !errors.As(err, &pe) || pe.Value != want {
		t.Fatalf("got error %v; want a *future.PanicError of %v", err, want)
	}
}

// wantPending fails the test if r is settled.
func wantPending[T any](t *testing.T, r future.Result[T]) {
	t.Helper()
	if r.IsDone() {
		t.Fatalf("%v: settled, want pending", r)
	}
}

// futures returns n pending futures.
func futures(n int) []*future.Future[int] {
	fs := make([]*future.Future[int], n)
	for i := range fs {
		fs[i] = future.New[int]()
	}
	return fs
}

// cancellable starts n tasks on a group, each blocked until its context is
// cancelled; task i then records context.Cause in causes[i] and fails with
// its context's error. wait cancels the group's context and waits for all.
func cancellable(t *testing.T, n int) (tasks []*future.Task[int], causes []error, wait func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	g, gctx := errgroup.WithContext(ctx)
	tasks = make([]*future.Task[int], n)
	causes = make([]error, n)
	for i := range tasks {
		tasks[i] = future.GoContext(gctx, g, func(ctx context.Context) (int, error) {
			<-ctx.Done()
			causes[i] = context.Cause(ctx)
			return 0, ctx.Err()
		})
	}
	return tasks, causes, func() {
		cancel()
		if err := g.Wait(); err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("group: %v", err)
		}
	}
}

// mustPanic fails the test unless fn panics with the message want.
func mustPanic(t *testing.T, want string, fn func()) {
	t.Helper()
	defer func() {
		t.Helper()
		if got := recover(); got != want {
			t.Errorf("panic %v; want %q", got, want)
		}
	}()
	fn()
}

// checkUnary runs op on an input that set settles before the call ("
// settled") and after it (" pending"), and checks the output: a panic
// holding wantPanic, else an error matching wantErr, else the value want.
func checkUnary[U comparable](t *testing.T, name string, set func(*future.Future[int]), op func(future.Result[int]) future.Result[U], want U, wantErr error, wantPanicValue any) {
	t.Helper()
	for _, pending := range []bool{false, true} {
		t.Run(name+map[bool]string{false: " settled", true: " pending"}[pending], func(t *testing.T) {
			in := future.New[int]()
			if !pending {
				set(in)
			}
			out := op(in)
			if pending {
				wantPending(t, out)
				set(in)
			}
			switch {
			case wantPanicValue != nil:
				wantPanic(t, out, wantPanicValue)
			case wantErr != nil:
				wantError(t, out, wantErr)
			default:
				wantValue(t, out, want)
			}
		})
	}
}
