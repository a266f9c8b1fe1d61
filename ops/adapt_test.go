package ops_test

import (
	"context"
	"runtime"
	"testing"

	"github.com/samber/lo"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

func TestFromChannel(t *testing.T) {
	ctx := context.Background()
	// What lo.Async returns.
	gate := make(chan struct{})
	r := ops.FromChannel(ctx, lo.Async(func() int { <-gate; return 7 }))
	close(gate)
	if v, err := r.Await(ctx); err != nil || v != 7 {
		t.Fatalf("lo.Async: got %v, %v; want 7, nil", v, err)
	}

	ready := make(chan int, 1)
	ready <- 8
	wantValue(t, ops.FromChannel(ctx, ready), 8) // taken at once, no goroutine

	closed := make(chan int)
	close(closed)
	wantError(t, ops.FromChannel(ctx, closed), ops.ErrClosedChannel)
	wantError(t, ops.FromChannel[int](ctx, nil), ops.ErrNilChannel)

	late := make(chan int)
	lateCtx, cancel := context.WithCancel(ctx)
	r = ops.FromChannel(lateCtx, late)
	cancel() // releases the goroutine
	if err := r.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	wantError(t, r, context.Canceled)
	mustPanic(t, "ops: FromChannel with a nil Context", func() {
		ops.FromChannel(nil, late) //nolint:staticcheck // testing the panic
	})
}

func TestAsync(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		fn        func() (int, error)
		want      int
		wantErr   error
		wantPanic any
	}{
		{name: "value", fn: func() (int, error) { return 1, nil }, want: 1},
		{name: "error", fn: func() (int, error) { return 0, errBoom }, wantErr: errBoom},
		{name: "panic", fn: func() (int, error) { panic("async panic") }, wantPanic: "async panic"},
		{name: "Goexit", fn: func() (int, error) { runtime.Goexit(); return 0, nil }, wantErr: future.ErrGoexit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ops.Async(tt.fn)
			if err := r.Wait(ctx); err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.wantPanic != nil:
				wantPanic(t, r, tt.wantPanic)
			case tt.wantErr != nil:
				wantError(t, r, tt.wantErr)
			default:
				wantValue(t, r, tt.want)
			}
		})
	}
}

func TestToChannel(t *testing.T) {
	in := future.New[int]()
	ch := ops.ToChannel(in)
	select {
	case v := <-ch:
		t.Fatalf("got %v before the result settled", v)
	default:
	}
	in.SetResult(3)
	if v, ok := <-ch; !ok || v != 3 {
		t.Fatalf("got %v, %v; want 3, true", v, ok)
	}
	if _, ok := <-ch; ok {
		t.Fatal("channel not closed after the value")
	}

	failed := ops.ToChannel(future.Failed[int](errBoom))
	if v, ok := <-failed; ok {
		t.Fatalf("failed result: got %v, want a closed channel", v)
	}

	unread := future.New[int]()
	ops.ToChannel(unread) // nobody reads: settling must not block
	unread.SetResult(1)
}
