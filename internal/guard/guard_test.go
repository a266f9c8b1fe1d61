package guard_test

import (
	"errors"
	"runtime"
	"testing"

	"go.uber.org/goleak"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/internal/guard"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestCall(t *testing.T) {
	double := func(v int) (int, error) { return 2 * v, nil }
	if v, err := guard.Call(double, 21, nil); v != 42 || err != nil {
		t.Errorf("value: got %v, %v; want 42, nil", v, err)
	}
	boom := errors.New("boom")
	_, err := guard.Call(func(int) (int, error) { panic(boom) }, 0, nil)
	var pe *future.PanicError
	if !errors.As(err, &pe) || !errors.Is(err, boom) {
		t.Errorf("panic: got %v, want a *future.PanicError holding boom", err)
	}
	got := make(chan error, 1)
	go func() {
		guard.Call(func(int) (int, error) { runtime.Goexit(); return 0, nil }, 0, func(err error) { got <- err })
		t.Error("Call returned after runtime.Goexit")
	}()
	if err := <-got; err != future.ErrGoexit {
		t.Errorf("Goexit: got %v, want future.ErrGoexit", err)
	}
}
