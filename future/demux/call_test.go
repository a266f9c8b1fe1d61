package demux_test

import (
	"context"
	"testing"

	"github.com/goresult/goresult/future/demux"
)

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
