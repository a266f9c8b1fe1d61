package natstest_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/future/demux"
	"github.com/goresult/goresult/future/demux/natsdemux"
	"github.com/goresult/goresult/future/demux/natsdemux/internal/natstest"
	"github.com/goresult/goresult/ops"
)

// blocked is a worker function that waits for its context to end, sends
// its cause on causes, and returns its error.
func blocked(started chan<- struct{}, causes chan<- error) func(context.Context, int) (int, error) {
	return func(ctx context.Context, n int) (int, error) {
		if started != nil {
			started <- struct{}{}
		}
		<-ctx.Done()
		causes <- context.Cause(ctx)
		return 0, ctx.Err()
	}
}

func TestRaceCancelsTheLoserOnItsWorker(t *testing.T) {
	ctx, s := withServer(t, 20*time.Second)
	started, causes := make(chan struct{}, 1), make(chan error, 1)
	serve(t, natstest.Connect(t, s.URL()), natsdemux.Worker[int, int]{Subject: "slow", Func: blocked(started, causes)})
	gate := make(chan struct{})
	serve(t, natstest.Connect(t, s.URL()), natsdemux.Worker[int, int]{Subject: "fast", Func: func(_ context.Context, n int) (int, error) {
		<-gate // answers once the slow one is at work
		return 2 * n, nil
	}})
	c, _ := client(t, s)
	slow := natsdemux.NewEndpoint[int, int](c, "slow", nil, nil).Request(ctx, 1)
	fast := natsdemux.NewEndpoint[int, int](c, "fast", nil, nil).Request(ctx, 1)
	won := ops.Race(slow, fast)
	<-started
	close(gate)
	if got, err := won.Await(ctx); got != 2 || err != nil {
		t.Fatalf("got %d, %v, want 2, nil", got, err)
	}
	if err := slow.Err(); !errors.Is(err, ops.ErrLost) || !errors.Is(err, context.Canceled) {
		t.Errorf("got the loser's error %v, want one matching ops.ErrLost and context.Canceled", err)
	}
	cause := receive(t, ctx, causes, "the loser's worker was not cancelled")
	var ce *natsdemux.CancelError
	if !errors.Is(cause, ops.ErrLost) || !errors.As(cause, &ce) {
		t.Errorf("got the loser's worker's cause %v, want a CancelError matching ops.ErrLost", cause)
	}
}

func TestCancelCauses(t *testing.T) {
	tests := []struct {
		name   string
		cancel func(call *natsdemux.Call[int], stop context.CancelCauseFunc)
		want   error
	}{
		{"Cancel", func(c *natsdemux.Call[int], _ context.CancelCauseFunc) { c.Cancel(nil) }, future.ErrCancelled},
		{"Cancel(ErrTimeout)", func(c *natsdemux.Call[int], _ context.CancelCauseFunc) { c.Cancel(ops.ErrTimeout) }, ops.ErrTimeout},
		{"ctx cancelled", func(_ *natsdemux.Call[int], stop context.CancelCauseFunc) { stop(nil) }, context.Canceled},
		{"ctx cancelled with a cause", func(_ *natsdemux.Call[int], stop context.CancelCauseFunc) { stop(ops.ErrLost) }, ops.ErrLost},
	}
	ctx, s := withServer(t, 20*time.Second)
	started, causes := make(chan struct{}, 1), make(chan error, 1)
	serve(t, natstest.Connect(t, s.URL()), natsdemux.Worker[int, int]{Subject: "slow", Func: blocked(started, causes)})
	c, _ := client(t, s)
	ep := natsdemux.NewEndpoint[int, int](c, "slow", nil, nil)
	for _, tt := range tests {
		rctx, stop := context.WithCancelCause(ctx)
		call := ep.Request(rctx, 1)
		<-started
		tt.cancel(call, stop)
		if err := call.Wait(ctx); err != nil {
			t.Fatal(err)
		}
		if err := call.Err(); !errors.Is(err, tt.want) {
			t.Errorf("%s: got the call's error %v, want one matching %v", tt.name, err, tt.want)
		}
		cause := receive(t, ctx, causes, "%s: the worker was not cancelled", tt.name)
		if !errors.Is(cause, tt.want) {
			t.Errorf("%s: got the worker's cause %v, want one matching %v", tt.name, cause, tt.want)
		}
		stop(nil)
	}
}

func TestCloseWithRequestsPending(t *testing.T) {
	const n = 20
	ctx, s := withServer(t, 20*time.Second)
	started, causes := make(chan struct{}, n), make(chan error, n)
	serve(t, natstest.Connect(t, s.URL()), natsdemux.Worker[int, int]{Subject: "slow", N: n, Func: blocked(started, causes)})
	c, _ := client(t, s)
	ep := natsdemux.NewEndpoint[int, int](c, "slow", nil, nil)
	calls := make([]*natsdemux.Call[int], n)
	for i := range calls {
		calls[i] = ep.Request(ctx, i)
	}
	for range n {
		<-started
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	for i, call := range calls {
		if err := call.Err(); !errors.Is(err, demux.ErrClosed) {
			t.Errorf("request %d: got %v, want an error matching demux.ErrClosed", i, err)
		}
	}
	for range n {
		cause := receive(t, ctx, causes, "a worker was not cancelled")
		if !errors.Is(cause, demux.ErrClosed) {
			t.Errorf("got the worker's cause %v, want one matching demux.ErrClosed", cause)
		}
	}
	if err := ep.Request(ctx, 1).Err(); !errors.Is(err, demux.ErrClosed) {
		t.Errorf("after Close: got %v, want an error matching demux.ErrClosed", err)
	}
}

func TestTimeoutCancelsOnTheWorker(t *testing.T) {
	ctx, s := withServer(t, 20*time.Second)
	started, causes := make(chan struct{}, 1), make(chan error, 1)
	serve(t, natstest.Connect(t, s.URL()), natsdemux.Worker[int, int]{Subject: "slow", Func: blocked(started, causes)})
	c, _ := client(t, s)
	call := natsdemux.NewEndpoint[int, int](c, "slow", nil, nil).Request(ctx, 1)
	<-started
	if _, err := ops.Timeout(call, 10*time.Millisecond).Await(ctx); !errors.Is(err, ops.ErrTimeout) {
		t.Fatalf("got %v, want ops.ErrTimeout", err)
	}
	cause := receive(t, ctx, causes, "the worker was not cancelled")
	if !errors.Is(cause, ops.ErrTimeout) || !errors.Is(cause, context.DeadlineExceeded) {
		t.Errorf("got the worker's cause %v, want one matching ops.ErrTimeout and context.DeadlineExceeded", cause)
	}
}
