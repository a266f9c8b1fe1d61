package stream_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goresult/goresult/stream"
)

// runTimes returns a stream that fails with err on each run, and the times,
// since start, at which it was run.
func runTimes(start time.Time, err error) (stream.Stream[int], *[]time.Duration) {
	var at []time.Duration
	return func(ctx context.Context, yield func(int) error) error {
		at = append(at, time.Since(start))
		return err
	}, &at
}

// TestRetrySchedule checks the waits between runs on synctest's fake clock.
func TestRetrySchedule(t *testing.T) {
	s := time.Second
	tests := []struct {
		name string
		b    stream.Backoff
		want []time.Duration
	}{
		{"constant", stream.Backoff{Retries: 3, Delay: s}, []time.Duration{0, s, 2 * s, 3 * s}},
		{"exponential", stream.Backoff{Retries: 4, Delay: s, Multiplier: 2}, []time.Duration{0, s, 3 * s, 7 * s, 15 * s}},
		{"capped", stream.Backoff{Retries: 5, Delay: s, Multiplier: 3, MaxDelay: 5 * s}, []time.Duration{0, s, 4 * s, 9 * s, 14 * s, 19 * s}},
		{"at once", stream.Backoff{Retries: 2}, []time.Duration{0, 0, 0}},
		{"none", stream.Backoff{}, []time.Duration{0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				src, at := runTimes(time.Now(), errBoom)
				err := src.Retry(tc.b).ForEach(t.Context(), func(int) error { return nil })
				if err != errBoom || !slices.Equal(*at, tc.want) {
					t.Errorf("got runs at %v, %v; want %v, %v", *at, err, tc.want, errBoom)
				}
			})
		})
	}
}

// TestRetryJitter: with jitter each wait lies in [d*(1-Jitter), d].
func TestRetryJitter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		src, at := runTimes(time.Now(), errBoom)
		b := stream.Backoff{Retries: 20, Delay: time.Second, Multiplier: 2, MaxDelay: 8 * time.Second, Jitter: 0.5}
		_ = src.Retry(b).ForEach(t.Context(), func(int) error { return nil })
		d := time.Second
		for k := 1; k < len(*at); k++ {
			gap := (*at)[k] - (*at)[k-1]
			if gap < d/2 || gap > d {
				t.Errorf("wait %d: got %v, want within [%v, %v]", k, gap, d/2, d)
			}
			d = min(2*d, 8*time.Second)
		}
		if len(*at) != 21 {
			t.Errorf("got %d runs, want 21", len(*at))
		}
	})
}

// TestRetryStops: what is not retried ends the stream at the first run.
func TestRetryStops(t *testing.T) {
	errSink := errors.New("sink")
	only := func(target error) func(error) bool { return func(err error) bool { return err == target } }
	synctest.Test(t, func(t *testing.T) {
		src, at := runTimes(time.Now(), errBoom)
		_, err := src.Retry(stream.Backoff{Retries: 5, Delay: time.Second, Retryable: only(errOther)}).Collect(t.Context())
		if err != errBoom || len(*at) != 1 {
			t.Errorf("not retryable: got %v after %d runs, want %v after 1", err, len(*at), errBoom)
		}
		runs := 0
		err2 := stream.Stream[int](func(ctx context.Context, yield func(int) error) error {
			runs++
			return yield(1)
		}).Retry(stream.Backoff{Retries: 5}).ForEach(t.Context(), func(int) error { return errSink })
		if err2 != errSink || runs != 1 {
			t.Errorf("downstream error: got %v after %d runs, want %v after 1", err2, runs, errSink)
		}
		_, err = stream.Stream[int](panicking).Retry(stream.Backoff{Retries: 5}).Collect(t.Context())
		if panicValue(err) != "source panic" {
			t.Errorf("panic: got %v, want the *future.PanicError", err)
		}
	})
}

// TestRetryCancelDuringWait: ctx ending during a wait ends the stream at
// once with ctx's error and cause, with no further run.
func TestRetryCancelDuringWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		ctx, cancel := context.WithCancelCause(t.Context())
		time.AfterFunc(90*time.Second, func() { cancel(errCause) })
		src, at := runTimes(start, errBoom)
		err := src.Retry(stream.Backoff{Retries: stream.RetryForever, Delay: time.Minute}).ForEach(ctx, func(int) error { return nil })
		if !errors.Is(err, errCause) || !errors.Is(err, context.Canceled) || len(*at) != 2 || time.Since(start) != 90*time.Second {
			t.Errorf("got %v after runs at %v, at %v; want %v after 2 runs, at 1m30s", err, *at, time.Since(start), errCause)
		}
	})
}

// TestRetryResetOnValue: a run that passed on a value starts the count and
// the waits again, so a resuming source that fails after progress goes on.
func TestRetryResetOnValue(t *testing.T) {
	for _, reset := range []bool{false, true} {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			next := 0
			var at []time.Duration
			// A feed that resumes at next and drops after each value, five times.
			feed := stream.Stream[int](func(ctx context.Context, yield func(int) error) error {
				at = append(at, time.Since(start))
				for ; next < 8; next++ {
					if err := yield(next); err != nil {
						return err
					}
					if next < 5 {
						next++
						return errBoom
					}
				}
				return nil
			})
			b := stream.Backoff{Retries: 1, Delay: time.Second, Multiplier: 2, ResetOnValue: reset}
			got, err := feed.Retry(b).Collect(t.Context())
			want, wantErr, wantAt := []int{0, 1, 2, 3, 4, 5, 6, 7}, error(nil), []time.Duration{0, 1, 2, 3, 4, 5}
			if !reset {
				want, wantErr, wantAt = []int{0, 1}, errBoom, []time.Duration{0, 1}
			}
			for i := range wantAt {
				wantAt[i] *= time.Second
			}
			if !slices.Equal(got, want) || err != wantErr || !slices.Equal(at, wantAt) {
				t.Errorf("reset %v: got %v, %v, runs at %v; want %v, %v, runs at %v", reset, got, err, at, want, wantErr, wantAt)
			}
		})
	}
}
