package ops_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
	"github.com/goresult/goresult/stream"
)

// Merge yields results in the order the test settles them, each one before
// the next is settled, failures included.
func TestMergeCompletionOrder(t *testing.T) {
	fs := futures(5)
	fs[3].SetResult(3) // settled before the run: yielded first
	order := []int{1, 4, 0, 2}
	got := make(chan *future.Future[int])
	done := make(chan error, 1)
	go func() {
		done <- ops.Merge(fs...)(context.Background(), func(f *future.Future[int]) error {
			got <- f
			return nil
		})
	}()
	if r := <-got; r != fs[3] {
		t.Fatalf("first: got %v, want fs[3]", r)
	}
	for _, i := range order {
		if i == 4 {
			fs[i].SetError(errBoom)
		} else {
			fs[i].SetResult(i)
		}
		if r := <-got; r != fs[i] {
			t.Fatalf("got %v, want fs[%d] = %v", r, i, fs[i])
		}
	}
	if err := <-done; err != nil {
		t.Fatalf("stream: got %v, want nil", err)
	}
}

// Stopping early, by yield's error or by ctx, returns at once with that
// error; the results not yet yielded can settle later without effect.
func TestMergeStops(t *testing.T) {
	errYield := errors.New("yield failed")
	tests := []struct {
		name    string
		yield   error
		cancel  bool
		wantErr error
	}{
		{name: "ErrStop", yield: stream.ErrStop, wantErr: stream.ErrStop},
		{name: "yield error", yield: errYield, wantErr: errYield},
		{name: "ctx", cancel: true, wantErr: context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := futures(3)
			fs[1].SetResult(1)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var got []int
			err := ops.Merge(fs...)(ctx, func(f *future.Future[int]) error {
				v, _ := f.Get()
				got = append(got, v)
				if tt.cancel {
					cancel()
					return nil
				}
				return tt.yield
			})
			if !errors.Is(err, tt.wantErr) || !slices.Equal(got, []int{1}) {
				t.Fatalf("got %v, %v; want [1], %v", got, err, tt.wantErr)
			}
			fs[0].SetResult(0)
			fs[2].SetResult(2)
		})
	}
}

// A run blocked waiting for results returns once ctx ends.
func TestMergeCancelWhileWaiting(t *testing.T) {
	fs := futures(2)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- ops.Merge(fs...)(ctx, func(*future.Future[int]) error { return nil })
	}()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if err := ops.Merge(fs...)(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("done ctx: got %v, want context.Canceled", err)
	}
}

// Merge is cold: each run yields every result again; a panicked input is
// yielded like any failure.
func TestMergeRerunAndPanic(t *testing.T) {
	in := future.New[int]()
	panicked := ops.Map(in, func(int) (int, error) { panic("merge panic") })
	s := ops.Merge(future.Result[int](future.Resolved(1)), panicked)
	in.SetResult(0)
	for run := range 2 {
		var n int
		err := s(context.Background(), func(r future.Result[int]) error {
			n++
			return nil
		})
		if err != nil || n != 2 {
			t.Fatalf("run %d: got %d results, %v; want 2, nil", run, n, err)
		}
	}
	wantPanic(t, panicked, "merge panic")
	if err := ops.Merge[*future.Future[int]]()(context.Background(), nil); err != nil {
		t.Fatalf("Merge(): got %v, want nil", err)
	}
}
