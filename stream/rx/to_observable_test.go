package rx_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/stream"
	"github.com/goresult/goresult/stream/rx"
	"github.com/reactivex/rxgo/v2"
	"go.uber.org/goleak"
)

// items reads ch to its end and returns what it got.
func items(ch <-chan rxgo.Item) []rxgo.Item {
	var got []rxgo.Item
	for it := range ch {
		got = append(got, it)
	}
	return got
}

func TestToObservableOperators(t *testing.T) {
	src := rx.ToObservable(fromSlice(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))

	got, err := src.Map(double).Filter(func(v any) bool { return v.(int)%4 == 0 }).ToSlice(0)
	if err != nil || !slices.Equal(got, []any{4, 8, 12, 16, 20}) {
		t.Errorf("Map Filter ToSlice: got %v, %v, want [4 8 12 16 20], nil", got, err)
	}
	total, err := src.Reduce(sum).Get()
	if err != nil || total.V != 55 {
		t.Errorf("Reduce: got %v, %v, want 55, nil", total.V, err)
	}
	n, err := src.Count().Get()
	if err != nil || n.V != int64(10) {
		t.Errorf("Count: got %v, %v, want 10, nil", n.V, err)
	}
}

func TestToObservableRoundTrip(t *testing.T) {
	obs := rx.ToObservable(fromSlice(1, 2, 3, 4, 5, 6, 7, 8)).Map(double).Filter(func(v any) bool { return v.(int) > 4 }).Take(3)
	got, err := collect(context.Background(), rx.FromObservable[int](obs))
	if err != nil || !slices.Equal(got, []int{6, 8, 10}) {
		t.Errorf("got %v, %v, want [6 8 10], nil", got, err)
	}
}

// TestToObservableRoundTripStopsSource checks that a stream stopped at the
// far end of an RxGo chain stops the stream at its start, although RxGo's
// Take does not tell the stages above it that it stopped.
func TestToObservableRoundTripStopsSource(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	exited := make(chan struct{})
	obs := rx.ToObservable(endless(exited)).Map(double).Take(5)
	got, err := collect(context.Background(), rx.FromObservable[int](obs))
	if err != nil || !slices.Equal(got, []int{0, 2, 4, 6, 8}) {
		t.Errorf("got %v, %v, want [0 2 4 6 8], nil", got, err)
	}
	<-exited
}

func TestToObservableError(t *testing.T) {
	failing := func(ctx context.Context, yield func(int) error) error {
		if err := yield(1); err != nil {
			return err
		}
		return errBoom
	}
	got := items(rx.ToObservable(failing).Observe())
	want := []rxgo.Item{rxgo.Of(1), rxgo.Error(errBoom)}
	if !slices.Equal(got, want) {
		t.Errorf("got items %v, want %v", got, want)
	}
	vs, err := collect(context.Background(), rx.FromObservable[int](rx.ToObservable(failing).Map(double)))
	if err != errBoom || !slices.Equal(vs, []int{2}) {
		t.Errorf("round trip: got %v, %v, want [2], errBoom", vs, err)
	}
}

func TestToObservableErrStopIsCompletion(t *testing.T) {
	stopping := func(ctx context.Context, yield func(int) error) error {
		_ = yield(1)
		return stream.ErrStop
	}
	got := items(rx.ToObservable(stopping).Observe())
	if want := []rxgo.Item{rxgo.Of(1)}; !slices.Equal(got, want) {
		t.Errorf("got items %v, want %v", got, want)
	}
}

func TestToObservableIsCold(t *testing.T) {
	runs := 0
	counting := func(ctx context.Context, yield func(int) error) error {
		runs++
		return yield(runs)
	}
	obs := rx.ToObservable(counting)
	for want := 1; want <= 2; want++ {
		if got := items(obs.Observe()); !slices.Equal(got, []rxgo.Item{rxgo.Of(want)}) {
			t.Errorf("observation %d: got %v, want [%d]", want, got, want)
		}
	}
}

func TestToObservableObserverCancels(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	exited := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	ch := rx.ToObservable(endless(exited)).Observe(rxgo.WithContext(ctx))
	if first := <-ch; first.V != 0 {
		t.Errorf("got first item %v, want 0", first.V)
	}
	cancel()
	<-exited
	for it := range ch { // at most one item already in flight, then closed
		if it.Error() {
			t.Errorf("got error item %v after cancel, want none", it.E)
		}
	}
}

func TestToObservableObserverStopsWithContext(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	exited := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	first, err := rx.ToObservable(endless(exited)).Map(double).First(rxgo.WithContext(ctx)).Get()
	cancel() // what an RxGo observer stopping early must do
	if err != nil || first.V != 0 {
		t.Errorf("got %v, %v, want 0, nil", first.V, err)
	}
	<-exited
}

func TestToObservablePanic(t *testing.T) {
	panicking := func(ctx context.Context, yield func(int) error) error {
		_ = yield(1)
		panic(errBoom)
	}
	got := items(rx.ToObservable(panicking).Observe())
	if len(got) != 2 || got[0].V != 1 {
		t.Fatalf("got items %v, want 1 then an error", got)
	}
	var pe *future.PanicError
	if !errors.As(got[1].E, &pe) || pe.Value != errBoom || !errors.Is(got[1].E, errBoom) {
		t.Errorf("got error item %v, want a *future.PanicError of errBoom", got[1].E)
	}
}

// TestToObservableGoexit: runtime.Goexit in s ends the observable with an
// error item matching future.ErrGoexit, not a silent completion.
func TestToObservableGoexit(t *testing.T) {
	goexiting := func(ctx context.Context, yield func(int) error) error {
		_ = yield(1)
		runtime.Goexit()
		return nil
	}
	got := items(rx.ToObservable(goexiting).Observe())
	if len(got) != 2 || got[0].V != 1 || !errors.Is(got[1].E, future.ErrGoexit) {
		t.Errorf("got items %v, want 1 then an error matching %v", got, future.ErrGoexit)
	}
}

// TestToObservablePanicWithoutObserver checks, in a subprocess, that a panic
// that cannot be delivered because the observer is gone crashes the program
// instead of vanishing.
func TestToObservablePanicWithoutObserver(t *testing.T) {
	if os.Getenv("RX_TEST_CRASH") == "1" {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		panicking := func(ctx context.Context, yield func(int) error) error { panic(errBoom) }
		items(rx.ToObservable(panicking).Observe(rxgo.WithContext(ctx)))
		select {} // the panic ends the process
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestToObservablePanicWithoutObserver$", "-test.timeout=60s")
	cmd.Env = append(os.Environ(), "RX_TEST_CRASH=1")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || !strings.Contains(string(out), "panic: future: panic: boom") {
		t.Errorf("got %v and output:\n%s\nwant a crash with \"panic: future: panic: boom\"", err, out)
	}
}

func TestToObservableNil(t *testing.T) {
	defer func() {
		if msg, _ := recover().(string); !strings.HasPrefix(msg, "rx: ") {
			t.Errorf("recovered %q, want a panic starting with \"rx: \"", msg)
		}
	}()
	rx.ToObservable[int](nil)
}
