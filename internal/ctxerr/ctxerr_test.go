package ctxerr_test

import (
	"context"
	"errors"
	"testing"

	"github.com/goresult/goresult/internal/ctxerr"
)

func TestOf(t *testing.T) {
	cause := errors.New("shutting down")
	live := context.Background()
	plain, cancelPlain := context.WithCancel(live)
	cancelPlain()
	caused, cancelCaused := context.WithCancelCause(live)
	cancelCaused(cause)

	if err := ctxerr.Of(live); err != nil {
		t.Errorf("live context: got %v, want nil", err)
	}
	if err := ctxerr.Of(plain); err != context.Canceled {
		t.Errorf("cancelled without cause: got %v, want context.Canceled itself", err)
	}
	err := ctxerr.Of(caused)
	if !errors.Is(err, context.Canceled) || !errors.Is(err, cause) {
		t.Errorf("cancelled with a cause: got %v, want an error matching context.Canceled and the cause", err)
	}
	if got, want := err.Error(), "context canceled: shutting down"; got != want {
		t.Errorf("message: got %q, want %q", got, want)
	}
}
