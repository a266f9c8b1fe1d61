package demux_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/future/demux"
)

var (
	errBoom   = errors.New("boom")
	errReason = errors.New("reason")
)

// mustAdd adds a call on ctx, failing the test if Add fails.
func mustAdd[V any](t testing.TB, tb *demux.Table[V], ctx context.Context) *demux.Call[V] {
	t.Helper()
	c, err := tb.Add(ctx)
	if err != nil {
		t.Fatalf("Add: %v", err)
	}
	return c
}

// wantValue checks that r is settled with want.
func wantValue[V comparable](t testing.TB, r future.Result[V], want V) {
	t.Helper()
	if !r.IsDone() {
		t.Fatalf("%v: pending, want value %v", r, want)
	}
	got, err := r.Get()
	if err != nil || got != want {
		t.Fatalf("got %v, %v; want %v, nil", got, err, want)
	}
}

// wantError checks that r is settled with an error matching every one of
// wants.
func wantError[V any](t testing.TB, r future.Result[V], wants ...error) {
	t.Helper()
	if !r.IsDone() {
		t.Fatalf("%v: pending, want an error", r)
	}
	wantIs(t, r.Err(), wants...)
}

// wantIs checks that err matches every one of wants.
func wantIs(t testing.TB, err error, wants ...error) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want one matching %v", wants)
	}
	for _, want := range wants {
		if !errors.Is(err, want) {
			t.Fatalf("got error %q, want one matching %q", err, want)
		}
	}
}

// wantPending checks that r is not settled.
func wantPending[V any](t testing.TB, r future.Result[V]) {
	t.Helper()
	if r.IsDone() {
		t.Fatalf("%v: settled, want pending", r)
	}
}

// wantStats checks a table's counts.
func wantStats(t testing.TB, got, want demux.Stats) {
	t.Helper()
	if got != want {
		t.Fatalf("Stats: got %+v, want %+v", got, want)
	}
}

// wantPanic checks that f panics with a message starting with "demux:" and
// containing substr.
func wantPanic(t testing.TB, substr string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		msg, _ := recover().(string)
		if !strings.HasPrefix(msg, "demux: ") || !strings.Contains(msg, substr) {
			t.Fatalf("panic: got %q, want a \"demux: \" message containing %q", msg, substr)
		}
	}()
	f()
}
