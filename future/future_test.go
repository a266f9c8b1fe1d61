package future_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/goresult/goresult/future"
)

var errTest = errors.New("test failure")

// Ported from aioresult's test_future: a future settled from another
// goroutine, first with a value, then with an error; neither can be set again.
func TestFutureSetFromAnotherGoroutine(t *testing.T) {
	fr := future.New[int]()
	fx := future.New[int]()
	release := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); <-release; fr.SetResult(1) }()
	go func() { defer wg.Done(); <-release; fx.SetError(errTest) }()

	for _, f := range []*future.Future[int]{fr, fx} {
		if f.IsDone() {
			t.Fatalf("%v: IsDone before it was set", f)
		}
		if _, err := f.Get(); !errors.Is(err, future.ErrNotDone) {
			t.Fatalf("Get while pending: got error %v, want ErrNotDone", err)
		}
		if err := f.Err(); !errors.Is(err, future.ErrNotDone) {
			t.Fatalf("Err while pending: got %v, want ErrNotDone", err)
		}
	}
	close(release)
	wg.Wait()

	if v, err := fr.Get(); v != 1 || err != nil || !fr.IsDone() || fr.Err() != nil {
		t.Fatalf("fr: got %v, %v, want 1, nil", v, err)
	}
	if _, err := fx.Get(); !errors.Is(err, errTest) || fx.Err() != errTest {
		t.Fatalf("fx: got error %v, Err %v, want %v", err, fx.Err(), errTest)
	}
	for _, f := range []*future.Future[int]{fr, fx} {
		if err := f.SetResult(10); !errors.Is(err, future.ErrAlreadySet) {
			t.Errorf("second SetResult: got %v, want ErrAlreadySet", err)
		}
		if err := f.SetError(errors.New("other")); !errors.Is(err, future.ErrAlreadySet) {
			t.Errorf("second SetError: got %v, want ErrAlreadySet", err)
		}
	}
	if v, err := fr.Get(); v != 1 || err != nil {
		t.Errorf("fr changed after a second set: got %v, %v", v, err)
	}
	if err := fx.Err(); err != errTest {
		t.Errorf("fx changed after a second set: got %v", err)
	}
}

func TestZeroFutureIsReady(t *testing.T) {
	var f future.Future[string]
	if f.IsDone() {
		t.Fatal("zero Future is settled")
	}
	done := f.Done()
	if err := f.SetResult("x"); err != nil {
		t.Fatal(err)
	}
	<-done
	if v, err := f.Await(context.Background()); v != "x" || err != nil {
		t.Fatalf("got %q, %v, want x, nil", v, err)
	}
}

func TestResolvedAndFailed(t *testing.T) {
	r := future.Resolved(7)
	if v, err := r.Get(); !r.IsDone() || v != 7 || err != nil {
		t.Errorf("Resolved: got %v, %v", v, err)
	}
	f := future.Failed[int](errTest)
	if _, err := f.Get(); !f.IsDone() || err != errTest {
		t.Errorf("Failed: got %v", err)
	}
	for _, d := range []<-chan struct{}{r.Done(), f.Done()} {
		select {
		case <-d:
		default:
			t.Error("Done of a settled future is not closed")
		}
	}
	if err := r.SetResult(1); !errors.Is(err, future.ErrAlreadySet) {
		t.Errorf("SetResult on Resolved: got %v, want ErrAlreadySet", err)
	}
}

func TestWaitReturnsOnlyContextErrors(t *testing.T) {
	f := future.New[int]()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := f.Wait(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Wait with a cancelled ctx: got %v, want context.Canceled", err)
	}
	if v, err := f.Await(ctx); v != 0 || !errors.Is(err, context.Canceled) {
		t.Fatalf("Await with a cancelled ctx: got %v, %v", v, err)
	}
	f.SetError(errTest)
	if err := f.Wait(ctx); err != nil {
		t.Fatalf("Wait on a failed future: got %v, want nil (never the result's error)", err)
	}
	if _, err := f.Await(ctx); err != errTest {
		t.Fatalf("Await on a failed future: got %v, want %v", err, errTest)
	}
}

func TestWaitWakesWhenSettled(t *testing.T) {
	f := future.New[int]()
	waiting := make(chan struct{})
	got := make(chan error, 1)
	go func() {
		close(waiting)
		_, err := f.Await(context.Background())
		got <- err
	}()
	<-waiting
	f.SetError(errTest)
	if err := <-got; err != errTest {
		t.Fatalf("Await: got %v, want %v", err, errTest)
	}
}

func TestSetErrorNilPanics(t *testing.T) {
	checkPanic(t, "future: SetError with a nil error", func() { future.New[int]().SetError(nil) })
	checkPanic(t, "future: Failed with a nil error", func() { future.Failed[int](nil) })
}

func checkPanic(t *testing.T, want string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		if got := recover(); got != want {
			t.Errorf("panic: got %v, want %q", got, want)
		}
	}()
	f()
}

// Exactly one of many concurrent setters wins, and every reader sees its value.
func TestConcurrentSettersOneWins(t *testing.T) {
	const n = 64
	for round := 0; round < 20; round++ {
		f := future.New[int]()
		var wins atomic.Int32
		var winner atomic.Int64
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			wg.Add(2)
			go func() {
				defer wg.Done()
				<-start
				var err error
				if i%2 == 0 {
					err = f.SetResult(i)
				} else {
					err = f.SetError(fmt.Errorf("setter %d", i))
				}
				switch {
				case err == nil:
					wins.Add(1)
					winner.Store(int64(i))
				case !errors.Is(err, future.ErrAlreadySet):
					t.Errorf("setter %d: got %v, want nil or ErrAlreadySet", i, err)
				}
			}()
			go func() { // a reader racing the setters
				defer wg.Done()
				<-start
				v, err := f.Await(context.Background())
				if err == nil && v%2 != 0 {
					t.Errorf("reader saw value %d, which no setter set", v)
				}
			}()
		}
		close(start)
		wg.Wait()
		if wins.Load() != 1 {
			t.Fatalf("round %d: %d setters won, want exactly 1", round, wins.Load())
		}
		v, err := f.Get()
		w := int(winner.Load())
		if w%2 == 0 && (v != w || err != nil) || w%2 == 1 && err.Error() != fmt.Sprintf("setter %d", w) {
			t.Fatalf("round %d: winner %d, but the future holds %v, %v", round, w, v, err)
		}
	}
}

func TestString(t *testing.T) {
	f := future.New[float64]()
	tests := []struct {
		name string
		r    fmt.Stringer
		want string
	}{
		{"pending", f, "Future(pending)"},
		{"value", future.Resolved(0.1), "Future(value=0.1)"},
		{"error", future.Failed[int](errors.New("key 3")), "Future(error=key 3)"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(tt.r); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// The allocation promise of a Future's life: New, SetResult and Await cost
// one allocation (the Future), two when a waiter needs the Done channel.
func TestFutureAllocations(t *testing.T) {
	ctx := context.Background()
	got := testing.AllocsPerRun(1000, func() {
		f := future.New[int]()
		f.SetResult(1)
		if v, _ := f.Await(ctx); v != 1 {
			t.Fatal("wrong value")
		}
	})
	if got > 1 {
		t.Errorf("New+SetResult+Await: %v allocations, want at most 1", got)
	}
	got = testing.AllocsPerRun(1000, func() {
		f := future.New[int]()
		d := f.Done()
		f.SetResult(1)
		<-d
	})
	if got > 2 {
		t.Errorf("New+Done+SetResult: %v allocations, want at most 2", got)
	}
}
