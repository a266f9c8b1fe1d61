package ops_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

func TestTimeoutExpires(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in := future.New[int]()
		out := ops.Timeout(in, time.Second)
		time.Sleep(time.Second - time.Nanosecond)
		wantPending(t, out)
		time.Sleep(time.Nanosecond)
		synctest.Wait()
		wantError(t, out, context.DeadlineExceeded)
		wantError(t, out, ops.ErrTimeout)
		in.SetResult(1) // too late, and no callback is left to run
		wantError(t, out, ops.ErrTimeout)
	})
}

func TestTimeoutSettlesFirst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		tests := []struct {
			name    string
			set     func(*future.Future[int])
			want    int
			wantErr error
		}{
			{name: "value", set: settleWith(3, nil), want: 3},
			{name: "error", set: settleWith(0, errBoom), wantErr: errBoom},
		}
		for _, tt := range tests {
			in := future.New[int]()
			out := ops.Timeout(in, time.Minute)
			time.Sleep(time.Second)
			tt.set(in)
			if tt.wantErr != nil {
				wantError(t, out, tt.wantErr)
			} else {
				wantValue(t, out, tt.want)
			}
			time.Sleep(time.Hour) // the timer is stopped: nothing changes
			synctest.Wait()
			if _, err := out.Get(); errors.Is(err, ops.ErrTimeout) {
				t.Fatalf("%s: timed out after settling", tt.name)
			}
		}
		pre := ops.Timeout[int](future.Resolved(4), 0) // settled already wins
		wantValue(t, pre, 4)
	})
}

// A task that times out is cancelled with ErrTimeout as the cause; a panic
// in it is its own error, not a timeout.
func TestTimeoutCancelsTask(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		tasks, causes, wait := cancellable(t, 1)
		out := ops.Timeout(tasks[0], time.Second)
		time.Sleep(time.Second)
		synctest.Wait()
		wantError(t, out, context.DeadlineExceeded)
		if err := tasks[0].Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		if causes[0] != ops.ErrTimeout {
			t.Fatalf("cause: got %v, want ops.ErrTimeout", causes[0])
		}
		wait()

		in := future.New[int]()
		panicked := ops.Timeout(ops.Map(in, func(int) (int, error) { panic("slow panic") }), time.Minute)
		in.SetResult(1)
		wantPanic(t, panicked, "slow panic")
	})
}

func TestUntil(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// Deadline.
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		in := future.New[int]()
		out := ops.Until(ctx, in)
		time.Sleep(time.Second)
		synctest.Wait()
		wantError(t, out, context.DeadlineExceeded)

		// Cancellation with a cause, which also cancels the task.
		tasks, causes, wait := cancellable(t, 1)
		ctx, cancelCause := context.WithCancelCause(context.Background())
		out = ops.Until(ctx, tasks[0])
		cancelCause(errBang)
		synctest.Wait()
		wantError(t, out, context.Canceled)
		wantError(t, out, errBang)
		if err := tasks[0].Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		if causes[0] != errBang {
			t.Fatalf("cause: got %v, want %v", causes[0], errBang)
		}
		wait()

		// Settles first.
		ctx, cancel = context.WithCancel(context.Background())
		in = future.New[int]()
		out = ops.Until(ctx, in)
		in.SetResult(2)
		cancel()
		wantValue(t, out, 2)

		// ctx done before the call; a settled input still wins.
		wantError(t, ops.Until(ctx, future.New[int]()), context.Canceled)
		wantValue(t, ops.Until[int](ctx, future.Resolved(5)), 5)
	})
}
