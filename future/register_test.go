package future_test

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/goresult/goresult/future"
)

func TestAfterFunc(t *testing.T) {
	f := future.New[int]()
	var calls []string
	future.AfterFunc(f, func() {
		v, _ := f.Get() // a callback may read the result it waits for
		calls = append(calls, "a")
		if v != 4 {
			t.Errorf("callback read %v, want 4", v)
		}
	})
	stop := future.AfterFunc(f, func() { calls = append(calls, "stopped") })
	future.AfterFunc(f, func() { calls = append(calls, "c") })
	if !stop() {
		t.Fatal("stop of a pending callback: got false, want true")
	}
	if stop() {
		t.Fatal("second stop: got true, want false")
	}
	if len(calls) != 0 {
		t.Fatal("callbacks ran before the future settled")
	}
	f.SetResult(4)
	if got := len(calls); got != 2 || calls[0] != "a" || calls[1] != "c" {
		t.Fatalf("calls: got %v, want [a c]", calls)
	}
	ran := false
	stop = future.AfterFunc(f, func() { ran = true })
	if !ran || stop() {
		t.Fatal("AfterFunc on a settled future must call f at once, and stop must report false")
	}
}

// Slots freed by stop are reused without a stale stop removing a newer callback.
func TestAfterFuncStopReuse(t *testing.T) {
	f := future.New[int]()
	var n atomic.Int32
	old := future.AfterFunc(f, func() { n.Add(100) })
	old()
	for i := 0; i < 1000; i++ {
		stop := future.AfterFunc(f, func() { n.Add(100) })
		stop()
	}
	future.AfterFunc(f, func() { n.Add(1) })
	if old() {
		t.Fatal("stale stop removed something")
	}
	f.SetResult(0)
	if n.Load() != 1 {
		t.Fatalf("got %d, want only the live callback to run", n.Load())
	}
}

// A panicking callback does not keep the others from running.
func TestAfterFuncPanicRunsOthers(t *testing.T) {
	f := future.New[int]()
	var ran atomic.Bool
	future.AfterFunc(f, func() { panic("boom") })
	future.AfterFunc(f, func() { ran.Store(true) })
	done := f.Done()
	checkPanic(t, "boom", func() { f.SetResult(1) })
	if !ran.Load() || !f.IsDone() {
		t.Fatal("the second callback did not run, or the future is not settled")
	}
	select {
	case <-done:
	default:
		t.Fatal("Done not closed after a callback panicked")
	}
}

// Once Done is closed, the callbacks registered before settling have run.
func TestAfterFuncRunsBeforeDoneCloses(t *testing.T) {
	for range 200 {
		f := future.New[int]()
		var ran atomic.Bool
		future.AfterFunc(f, func() { ran.Store(true) })
		woken := make(chan bool)
		go func() {
			<-f.Done()
			woken <- ran.Load()
		}()
		go f.SetResult(1)
		if !<-woken {
			t.Fatal("a waiter on Done woke before the callback ran")
		}
	}
}

type foreign struct{ done chan struct{} }

func (r foreign) Done() <-chan struct{} { return r.done }

func TestAfterFuncForeign(t *testing.T) {
	r := foreign{make(chan struct{})}
	called := make(chan struct{})
	future.AfterFunc(r, func() { close(called) })
	stopped := future.AfterFunc(r, func() { t.Error("stopped callback ran") })
	if !stopped() {
		t.Fatal("stop: got false, want true")
	}
	close(r.done)
	<-called
}

func TestAfterFuncBadInput(t *testing.T) {
	checkPanic(t, "future: AfterFunc with a nil function", func() { future.AfterFunc(future.New[int](), nil) })
	checkPanic(t, "future: AfterFunc on a nil result", func() { future.AfterFunc(nil, func() {}) })
	var nilFuture *future.Future[int]
	checkPanic(t, "future: AfterFunc on a nil result", func() { future.AfterFunc(nilFuture, func() {}) })
	var nilTask *future.Task[int]
	checkPanic(t, "future: Register on a nil result", func() { future.Register(nilTask, waiterFunc(func() {})) })
	checkPanic(t, "future: Register with a nil Waiter", func() { future.Register(future.New[int](), nil) })
}

// Waiting for many futures through callbacks needs no goroutine per future.
func TestAfterFuncStartsNoGoroutine(t *testing.T) {
	const n = 10000
	fs := make([]*future.Future[int], n)
	var count atomic.Int32
	before := runtime.NumGoroutine()
	for i := range fs {
		fs[i] = future.New[int]()
		future.AfterFunc(fs[i], func() { count.Add(1) })
		fs[i].Wait(canceled())
	}
	if got := runtime.NumGoroutine(); got > before {
		t.Fatalf("goroutines: %d before, %d after registering %d callbacks", before, got, n)
	}
	for i, f := range fs {
		f.SetResult(i)
	}
	if count.Load() != n {
		t.Fatalf("callbacks run: got %d, want %d", count.Load(), n)
	}
}

func canceled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

// waiterFunc adapts a function to future.Waiter.
type waiterFunc func()

func (f waiterFunc) Notify() { f() }
