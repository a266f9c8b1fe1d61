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

// burst is the script of the time tests: a burst of three values, a lone
// one, and a burst of three; it ends at end. No time of a value is a
// multiple of 25ms.
func burst(end time.Duration) stream.Stream[int] {
	return script(end,
		event{10 * ms, 1}, event{20 * ms, 2}, event{30 * ms, 3},
		event{110 * ms, 4},
		event{210 * ms, 5}, event{225 * ms, 6}, event{240 * ms, 7})
}

// TestTimeOperators checks the exact values and times the operators of time
// pass on, on the fake clock of a synctest bubble.
func TestTimeOperators(t *testing.T) {
	sums := func(s stream.Stream[[]int]) stream.Stream[int] { return stream.Map(s, sum) }
	tests := []struct {
		name    string
		s       stream.Stream[int]
		want    []event
		wantEnd time.Duration // when the stream returns
		wantErr error
	}{
		{"Debounce", burst(290 * ms).Debounce(25 * ms),
			[]event{{55 * ms, 3}, {135 * ms, 4}, {265 * ms, 7}}, 290 * ms, nil},
		{"Debounce/end passes the last value on", burst(250 * ms).Debounce(25 * ms),
			[]event{{55 * ms, 3}, {135 * ms, 4}, {250 * ms, 7}}, 250 * ms, nil},
		{"Throttle/Leading", burst(290*ms).Throttle(25*ms, stream.Leading),
			[]event{{10 * ms, 1}, {110 * ms, 4}, {210 * ms, 5}, {240 * ms, 7}}, 290 * ms, nil},
		{"Throttle/Trailing", burst(290*ms).Throttle(25*ms, stream.Trailing),
			[]event{{35 * ms, 3}, {135 * ms, 4}, {235 * ms, 6}, {260 * ms, 7}}, 290 * ms, nil},
		{"Throttle/Leading|Trailing", burst(290*ms).Throttle(25*ms, stream.Leading|stream.Trailing),
			[]event{{10 * ms, 1}, {35 * ms, 3}, {110 * ms, 4}, {210 * ms, 5}, {235 * ms, 6}, {260 * ms, 7}}, 290 * ms, nil},
		{"Throttle/end passes the held value on", burst(245*ms).Throttle(25*ms, stream.Trailing),
			[]event{{35 * ms, 3}, {135 * ms, 4}, {235 * ms, 6}, {245 * ms, 7}}, 245 * ms, nil},
		{"Sample", burst(290 * ms).Sample(50 * ms),
			[]event{{50 * ms, 3}, {150 * ms, 4}, {250 * ms, 7}}, 290 * ms, nil},
		{"Sample/end passes the last value on", burst(245 * ms).Sample(50 * ms),
			[]event{{50 * ms, 3}, {150 * ms, 4}, {245 * ms, 7}}, 245 * ms, nil},
		{"Delay", burst(290 * ms).Delay(15 * ms),
			[]event{{25 * ms, 1}, {35 * ms, 2}, {45 * ms, 3}, {125 * ms, 4}, {225 * ms, 5}, {240 * ms, 6}, {255 * ms, 7}}, 290 * ms, nil},
		{"Delay/values held past the end", burst(241 * ms).Delay(15 * ms),
			[]event{{25 * ms, 1}, {35 * ms, 2}, {45 * ms, 3}, {125 * ms, 4}, {225 * ms, 5}, {240 * ms, 6}, {255 * ms, 7}}, 255 * ms, nil},
		{"Timeout/in time", burst(290 * ms).Timeout(101 * ms),
			[]event{{10 * ms, 1}, {20 * ms, 2}, {30 * ms, 3}, {110 * ms, 4}, {210 * ms, 5}, {225 * ms, 6}, {240 * ms, 7}}, 290 * ms, nil},
		{"Timeout/idle", burst(290 * ms).Timeout(50 * ms),
			[]event{{10 * ms, 1}, {20 * ms, 2}, {30 * ms, 3}}, 80 * ms, stream.ErrTimeout},
		{"Timeout/before the first value", burst(290 * ms).Timeout(5 * ms), nil, 5 * ms, stream.ErrTimeout},
		{"WindowTime/tumbling", sums(stream.WindowTime(burst(290*ms), 100*ms, 100*ms)),
			[]event{{100 * ms, 6}, {200 * ms, 4}, {290 * ms, 18}}, 290 * ms, nil},
		{"WindowTime/sliding", sums(stream.WindowTime(burst(290*ms), 100*ms, 50*ms)),
			[]event{{50 * ms, 6}, {100 * ms, 6}, {150 * ms, 4}, {200 * ms, 4}, {250 * ms, 18}}, 290 * ms, nil},
		{"WindowTime/sliding, last window at the end", sums(stream.WindowTime(burst(245*ms), 100*ms, 50*ms)),
			[]event{{50 * ms, 6}, {100 * ms, 6}, {150 * ms, 4}, {200 * ms, 4}, {245 * ms, 18}}, 245 * ms, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				got, err := record(t.Context(), tt.s)
				if end := time.Since(start); !errors.Is(err, tt.wantErr) || end != tt.wantEnd {
					t.Errorf("got %v at %v, want %v at %v", err, end, tt.wantErr, tt.wantEnd)
				}
				if !slices.Equal(got, tt.want) {
					t.Errorf("got %v,\nwant %v", got, tt.want)
				}
			})
		})
	}
}

// TestTimeoutErr: ErrTimeout matches context.DeadlineExceeded.
func TestTimeoutErr(t *testing.T) {
	if !errors.Is(stream.ErrTimeout, context.DeadlineExceeded) {
		t.Errorf("errors.Is(ErrTimeout, context.DeadlineExceeded) = false, want true")
	}
}

// TestTimeoutIgnoresDownstream: the time a value spends downstream does not
// count against the idle timeout.
func TestTimeoutIgnoresDownstream(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n := 0
		err := paced(5, nil).Timeout(20*ms).ForEach(t.Context(), func(int) error {
			n++
			time.Sleep(time.Second) // a slow consumer
			return nil
		})
		if err != nil || n != 5 {
			t.Errorf("got %d values, %v; want 5, nil", n, err)
		}
	})
}

// TestTimeoutCancelsSource: on a timeout the source's ctx ends, with
// ErrTimeout as its cause.
func TestTimeoutCancelsSource(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var cause error
		src := func(ctx context.Context, yield func(int) error) error {
			<-ctx.Done()
			cause = context.Cause(ctx)
			return ctx.Err()
		}
		err := stream.Stream[int](src).Timeout(time.Second).ForEach(t.Context(), func(int) error { return nil })
		if err != stream.ErrTimeout || cause != stream.ErrTimeout {
			t.Errorf("got %v, source's cause %v; want %v for both", err, cause, stream.ErrTimeout)
		}
	})
}
