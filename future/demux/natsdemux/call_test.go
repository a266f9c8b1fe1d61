package natsdemux_test

import (
	"testing"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/future/demux/natsdemux"
)

// A Call is waited for without a goroutine by package ops, and cancelled by
// it: it is a future.Notifier and a future.Canceler.
func TestCallIsANotifierAndACanceler(t *testing.T) {
	var c any = new(natsdemux.Call[int])
	if _, ok := c.(future.Notifier); !ok {
		t.Error("*Call is not a future.Notifier, want it to be")
	}
	if _, ok := c.(future.Canceler); !ok {
		t.Error("*Call is not a future.Canceler, want it to be")
	}
	if _, ok := c.(interface{ SetResult(int) error }); ok {
		t.Error("*Call has a SetResult method, want only the client to settle it")
	}
}
