package demux_test

import (
	"context"
	"testing"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/future/demux"
)

// A Call is a result, can be cancelled, and notifies its waiters itself.
var (
	_ future.Result[int] = (*demux.Call[int])(nil)
	_ future.Canceler    = (*demux.Call[int])(nil)
	_ future.Notifier    = (*demux.Call[int])(nil)
)

// Waiting on many calls takes no goroutine: Register runs the waiter in the
// goroutine that settles the call.
func TestCallRegister(t *testing.T) {
	tb := demux.New[int]()
	c := mustAdd(t, tb, context.Background())
	var ran bool
	future.Register(c, waiterFunc(func() {
		if v, _ := c.Get(); v != 4 {
			t.Errorf("in the waiter: got %v, want 4", v)
		}
		ran = true
	}))
	tb.Resolve(c.ID(), 4)
	if !ran {
		t.Fatal("the waiter did not run in Resolve")
	}
}

type waiterFunc func()

func (f waiterFunc) Notify() { f() }

func TestCallString(t *testing.T) {
	tb := demux.New[int]()
	a, b := mustAdd(t, tb, context.Background()), mustAdd(t, tb, context.Background())
	pending := a.String()
	tb.Resolve(a.ID(), 5)
	tb.Reject(b.ID(), errBoom)
	for _, tt := range []struct{ got, want string }{
		{pending, "Call(id=1, pending)"},
		{a.String(), "Call(id=1, value=5)"},
		{b.String(), "Call(id=2, error=boom)"},
	} {
		if tt.got != tt.want {
			t.Errorf("String: got %q, want %q", tt.got, tt.want)
		}
	}
}
