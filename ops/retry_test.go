package ops_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
	"github.com/goresult/goresult/stream"
)

var (
	errFlaky  = errors.New("flaky")
	errReason = errors.New("the reason")
)

// flaky returns a function that fails with errFlaky until its call number
// succeedAt (never, if 0), and the times, since start, of its calls.
func flaky(start time.Time, succeedAt int) (func(context.Context) (string, error), *[]time.Duration) {
	var at []time.Duration
	return func(ctx context.Context) (string, error) {
		at = append(at, time.Since(start))
		if len(at) == succeedAt {
			return fmt.Sprintf("ok on call %d", len(at)), nil
		}
		return "", errFlaky
	}, &at
}

func TestRetry(t *testing.T) {
	s := time.Second
	backoff := stream.Backoff{Retries: 3, Delay: s, Multiplier: 2}
	tests := []struct {
		name      string
		succeedAt int
		want      string
		wantErr   error
		wantAt    []time.Duration
	}{
		{"first call", 1, "ok on call 1", nil, []time.Duration{0}},
		{"third call", 3, "ok on call 3", nil, []time.Duration{0, s, 3 * s}},
		{"exhausted", 0, "", errFlaky, []time.Duration{0, s, 3 * s, 7 * s}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var g errgroup.Group
				fn, at := flaky(time.Now(), tc.succeedAt)
				got, err := ops.Retry(t.Context(), &g, backoff, fn).Await(t.Context())
				if got != tc.want || err != tc.wantErr || !slices.Equal(*at, tc.wantAt) {
					t.Errorf("got %q, %v, calls at %v; want %q, %v, calls at %v", got, err, *at, tc.want, tc.wantErr, tc.wantAt)
				}
				if gerr := g.Wait(); gerr != tc.wantErr {
					t.Errorf("group: got %v, want %v", gerr, tc.wantErr)
				}
			})
		})
	}
}

// TestRetryCancel: cancelling the result stops the retries during a wait;
// the group does not fail.
func TestRetryCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g errgroup.Group
		start := time.Now()
		fn, at := flaky(start, 0)
		r := ops.Retry(t.Context(), &g, stream.Backoff{Retries: stream.RetryForever, Delay: time.Minute}, fn)
		var c future.Canceler = r // every result can be cancelled
		time.AfterFunc(90*time.Second, func() { c.Cancel(errReason) })
		_, err := r.Await(t.Context())
		if !errors.Is(err, errReason) || len(*at) != 2 || time.Since(start) != 90*time.Second {
			t.Errorf("got %v after calls at %v, at %v; want %v after 2 calls, at 1m30s", err, *at, time.Since(start), errReason)
		}
		if gerr := g.Wait(); gerr != nil {
			t.Errorf("group: got %v, want nil: a cancelled task does not fail it", gerr)
		}
	})
}

// TestRetryNotRetried: a panic and an error the policy declines end at the
// first call.
func TestRetryNotRetried(t *testing.T) {
	var g errgroup.Group
	calls := 0
	r := ops.Retry(t.Context(), &g, stream.Backoff{Retries: 3}, func(context.Context) (int, error) {
		calls++
		panic("fn panic")
	})
	var pe *future.PanicError
	if _, err := r.Await(t.Context()); !errors.As(err, &pe) || pe.Value != "fn panic" || calls != 1 {
		t.Errorf("panic: got %v after %d calls, want a *future.PanicError after 1", err, calls)
	}
	_ = g.Wait()
	calls = 0
	b := stream.Backoff{Retries: 3, Retryable: func(err error) bool { return !errors.Is(err, errReason) }}
	r = ops.Retry(t.Context(), &g, b, func(context.Context) (int, error) { calls++; return 0, errReason })
	if _, err := r.Await(t.Context()); err != errReason || calls != 1 {
		t.Errorf("not retryable: got %v after %d calls, want %v after 1", err, calls, errReason)
	}
	_ = g.Wait()
	calls = 0
	r = ops.Retry(t.Context(), &g, stream.Backoff{Retries: 3}, func(context.Context) (int, error) {
		calls++
		runtime.Goexit()
		return 0, nil
	})
	if _, err := r.Await(t.Context()); !errors.Is(err, future.ErrGoexit) || calls != 1 {
		t.Errorf("Goexit: got %v after %d calls, want %v after 1", err, calls, future.ErrGoexit)
	}
	_ = g.Wait()
}

func TestRetryMisuse(t *testing.T) {
	var g errgroup.Group
	for name, tc := range map[string]struct {
		f      func()
		prefix string
	}{
		"nil function": {func() { ops.Retry[int](t.Context(), &g, stream.Backoff{}, nil) }, "ops: "},
		"busy loop": {func() {
			ops.Retry(t.Context(), &g, stream.Backoff{Retries: stream.RetryForever}, func(context.Context) (int, error) { return 0, nil })
		}, "stream: "},
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if msg, _ := recover().(string); !strings.HasPrefix(msg, tc.prefix) {
					t.Errorf("got panic %q, want a message starting with %q", msg, tc.prefix)
				}
			}()
			tc.f()
		})
	}
}

func ExampleRetry() {
	ctx := context.Background()
	var g errgroup.Group
	calls := 0
	fetch := func(ctx context.Context) (string, error) {
		if calls++; calls < 3 {
			return "", fmt.Errorf("call %d: service unavailable", calls)
		}
		return "the page", nil
	}
	page := ops.Retry(ctx, &g, stream.Backoff{Retries: 4, Delay: time.Millisecond, Multiplier: 2}, fetch)
	fmt.Println(page.Await(ctx))
	fmt.Println(g.Wait(), calls)
	// Output:
	// the page <nil>
	// <nil> 3
}
