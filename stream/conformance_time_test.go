package stream_test

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"testing"
	"testing/synctest"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/stream"
)

// timedOperator is a row of the conformance table of the operators of time,
// draining, grouping and sharing. Each check runs in a synctest bubble over
// paced sources (a value every 10ms, at 5ms, 15ms, ...). op builds the
// operator over src; hook is called from the operator's own function, if
// it has one (hasFn). ownsGoroutine marks the operators that run src in a
// goroutine of their own, where a runtime.Goexit must become an error.
type timedOperator struct {
	name          string
	op            func(src stream.Stream[int], hook func(int)) stream.Stream[int]
	want          []int // of op(paced(10, nil))
	unordered     bool
	hasFn         bool
	ownsGoroutine bool
}

var timedOperators = []timedOperator{
	{name: "TakeUntil", want: upToSlice(10),
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] { return s.TakeUntil(context.Background()) }},
	{name: "Timeout", want: upToSlice(10),
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] { return s.Timeout(11 * ms) }},
	{name: "Debounce", want: upToSlice(10), ownsGoroutine: true,
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] { return s.Debounce(3 * ms) }},
	{name: "Throttle/Leading", want: upToSlice(10),
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] { return s.Throttle(3*ms, stream.Leading) }},
	{name: "Throttle/Trailing", want: upToSlice(10), ownsGoroutine: true,
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] { return s.Throttle(3*ms, stream.Trailing) }},
	{name: "Throttle/Both", want: upToSlice(10), ownsGoroutine: true,
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] {
			return s.Throttle(3*ms, stream.Leading|stream.Trailing)
		}},
	{name: "Sample", want: upToSlice(10), ownsGoroutine: true,
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] { return s.Sample(10 * ms) }},
	{name: "Delay", want: upToSlice(10), ownsGoroutine: true,
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] { return s.Delay(25 * ms) }},
	{name: "WindowTime/tumbling", want: upToSlice(10), ownsGoroutine: true,
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] {
			return stream.Map(stream.WindowTime(s, 10*ms, 10*ms), sum)
		}},
	// Windows of 20ms every 10ms: {1}, {1,2}, ..., {8,9}, then at the end
	// of the source, at 95ms, the last window {9,10}.
	{name: "WindowTime/sliding", want: []int{1, 3, 5, 7, 9, 11, 13, 15, 17, 19}, ownsGoroutine: true,
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] {
			return stream.Map(stream.WindowTime(s, 20*ms, 10*ms), sum)
		}},
	{name: "GroupBy", want: upToSlice(10), unordered: true, hasFn: true, ownsGoroutine: true,
		op: func(s stream.Stream[int], h func(int)) stream.Stream[int] {
			return stream.GroupBy(s, func(v int) int { h(v); return v % 3 }, 3, 1,
				func(_ int, sub stream.Stream[int]) stream.Stream[int] { return sub })
		}},
	{name: "GroupBy/pipeline", want: []int{2, 4, 6, 8, 10, 12, 14, 16, 18, 20}, unordered: true, hasFn: true, ownsGoroutine: true,
		op: func(s stream.Stream[int], h func(int)) stream.Stream[int] {
			return stream.GroupBy(s, func(v int) bool { return v%2 == 0 }, 2, 4,
				func(_ bool, sub stream.Stream[int]) stream.Stream[int] {
					return stream.Map(sub, func(v int) int { h(v); return 2 * v })
				})
		}},
	{name: "Share", want: upToSlice(10), ownsGoroutine: true,
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] {
			return stream.Share(s, 1, 2, stream.Backpressure).Stream()
		}},
}

func upToSlice(n int) []int {
	xs := make([]int, n)
	for i := range xs {
		xs[i] = i + 1
	}
	return xs
}

// forEachTimed runs check for every row, each in its own bubble.
func forEachTimed(t *testing.T, check func(t *testing.T, tc timedOperator)) {
	for _, tc := range timedOperators {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) { check(t, tc) })
		})
	}
}

func TestTimedOperatorValues(t *testing.T) {
	forEachTimed(t, func(t *testing.T, tc timedOperator) {
		for run := range 2 { // a second run is a fresh run
			got, err := tc.op(paced(10, nil), noHook).Collect(t.Context())
			if err != nil {
				t.Fatalf("run %d: Collect: %v", run, err)
			}
			want := tc.want
			if tc.unordered {
				got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
			}
			if !slices.Equal(got, want) {
				t.Errorf("run %d: got %v, want %v", run, got, want)
			}
		}
	})
}

func TestTimedOperatorEarlyStop(t *testing.T) {
	forEachTimed(t, func(t *testing.T, tc timedOperator) {
		got, err := tc.op(paced(-1, nil), noHook).Take(2).Collect(t.Context())
		if err != nil || len(got) != 2 {
			t.Errorf("Take(2): got %v, %v; want 2 values, nil", got, err)
		}
		n := 0
		err = tc.op(paced(-1, nil), noHook).ForEach(t.Context(), func(int) error {
			if n++; n == 2 {
				return stream.ErrStop
			}
			return nil
		})
		if err != nil || n != 2 {
			t.Errorf("ErrStop: got %d values, %v; want 2, nil", n, err)
		}
	})
}

func TestTimedOperatorError(t *testing.T) {
	forEachTimed(t, func(t *testing.T, tc timedOperator) {
		_, err := tc.op(paced(3, func() error { return errBoom }), noHook).Collect(t.Context())
		if !errors.Is(err, errBoom) {
			t.Errorf("source error: got %v, want %v", err, errBoom)
		}
		errSink := errors.New("sink")
		err = tc.op(paced(-1, nil), noHook).ForEach(t.Context(), func(int) error { return errSink })
		if err != errSink {
			t.Errorf("sink error: got %v, want %v unchanged", err, errSink)
		}
	})
}

func TestTimedOperatorCancel(t *testing.T) {
	cause := errors.New("shutting down")
	forEachTimed(t, func(t *testing.T, tc timedOperator) {
		ctx, cancel := context.WithCancelCause(t.Context())
		defer cancel(nil)
		n := 0
		err := tc.op(paced(-1, nil), noHook).ForEach(ctx, func(int) error {
			if n++; n == 2 {
				cancel(cause)
			}
			return nil
		})
		if !errors.Is(err, context.Canceled) || !errors.Is(err, cause) {
			t.Errorf("got %v after %d values, want an error matching %v and %v", err, n, context.Canceled, cause)
		}
	})
}

func TestTimedOperatorPanic(t *testing.T) {
	forEachTimed(t, func(t *testing.T, tc timedOperator) {
		if tc.hasFn {
			_, err := tc.op(paced(10, nil), func(v int) {
				if v == 3 {
					panic("user panic")
				}
			}).Collect(t.Context())
			if got := panicValue(err); got != "user panic" {
				t.Errorf("panic in the operator's function: got %v, want a *future.PanicError of %q", err, "user panic")
			}
		}
		_, err := tc.op(paced(3, sourcePanic), noHook).Collect(t.Context())
		if got := panicValue(err); got != "source panic" {
			t.Errorf("panic in the source: got %v, want a *future.PanicError of %q", err, "source panic")
		}
		err = tc.op(paced(-1, nil), noHook).ForEach(t.Context(), func(int) error { panic("sink panic") })
		if got := panicValue(err); got != "sink panic" {
			t.Errorf("panic in the sink: got %v, want a *future.PanicError of %q", err, "sink panic")
		}
	})
}

func TestTimedOperatorGoexit(t *testing.T) {
	forEachTimed(t, func(t *testing.T, tc timedOperator) {
		if !tc.ownsGoroutine {
			t.Skip("runs its source in the caller's goroutine, which Goexit ends")
		}
		_, err := tc.op(paced(3, sourceGoexit), noHook).Collect(t.Context())
		if !errors.Is(err, future.ErrGoexit) {
			t.Errorf("Goexit in the source: got %v, want %v", err, future.ErrGoexit)
		}
		if tc.hasFn { // the function runs in a goroutine of the operator
			_, err = tc.op(paced(10, nil), func(v int) {
				if v == 3 {
					runtime.Goexit()
				}
			}).Collect(t.Context())
			if !errors.Is(err, future.ErrGoexit) {
				t.Errorf("Goexit in the operator's function: got %v, want %v", err, future.ErrGoexit)
			}
		}
	})
}

// TestTimedOperatorBadInput checks that each bad argument panics at the
// call with a "stream:" message.
func TestTimedOperatorBadInput(t *testing.T) {
	var nilStream stream.Stream[int]
	s := upTo(3)
	id := func(_ int, sub stream.Stream[int]) stream.Stream[int] { return sub }
	key := func(v int) int { return v }
	tests := map[string]func(){
		"TakeUntil nil stream":  func() { nilStream.TakeUntil(context.Background()) },
		"TakeUntil nil context": func() { s.TakeUntil(nil) }, //nolint:staticcheck // the point
		"Timeout nil stream":    func() { nilStream.Timeout(ms) },
		"Timeout 0":             func() { s.Timeout(0) },
		"Debounce nil stream":   func() { nilStream.Debounce(ms) },
		"Debounce -1":           func() { s.Debounce(-1) },
		"Throttle nil stream":   func() { nilStream.Throttle(ms, stream.Leading) },
		"Throttle 0":            func() { s.Throttle(0, stream.Leading) },
		"Throttle edge 0":       func() { s.Throttle(ms, 0) },
		"Throttle edge 4":       func() { s.Throttle(ms, 4) },
		"Sample nil stream":     func() { nilStream.Sample(ms) },
		"Sample 0":              func() { s.Sample(0) },
		"Delay nil stream":      func() { nilStream.Delay(ms) },
		"Delay 0":               func() { s.Delay(0) },
		"WindowTime nil stream": func() { stream.WindowTime(nilStream, ms, ms) },
		"WindowTime size 0":     func() { stream.WindowTime(s, 0, ms) },
		"WindowTime every 0":    func() { stream.WindowTime(s, ms, 0) },
		"WindowTime gaps":       func() { stream.WindowTime(s, ms, 2*ms) },
		"GroupBy nil stream":    func() { stream.GroupBy(nilStream, key, 1, 1, id) },
		"GroupBy nil key":       func() { stream.GroupBy[int, int, int](s, nil, 1, 1, id) },
		"GroupBy nil f":         func() { stream.GroupBy[int, int, int](s, key, 1, 1, nil) },
		"GroupBy 0 groups":      func() { stream.GroupBy(s, key, 0, 1, id) },
		"GroupBy 0 buffer":      func() { stream.GroupBy(s, key, 1, 0, id) },
		"Share nil stream":      func() { stream.Share(nilStream, 1, 1, stream.Backpressure) },
		"Share 0 start":         func() { stream.Share(s, 0, 1, stream.Backpressure) },
		"Share 0 buffer":        func() { stream.Share(s, 1, 0, stream.Backpressure) },
		"Share overflow 7":      func() { stream.Share(s, 1, 1, stream.Overflow(7)) },
		"Stream of nil *Shared": func() { (*stream.Shared[int])(nil).Stream() },
	}
	for name, call := range tests {
		t.Run(name, func(t *testing.T) {
			defer func() {
				msg, _ := recover().(string)
				if len(msg) < 8 || msg[:8] != "stream: " {
					t.Errorf("got panic %q, want a panic starting with %q", msg, "stream: ")
				}
			}()
			call()
		})
	}
}

// TestGroupByNilPipeline: f returning a nil stream fails the stream, never
// a hang or a crash in a goroutine.
func TestGroupByNilPipeline(t *testing.T) {
	_, err := stream.GroupBy(upTo(3), func(v int) int { return v }, 4, 1,
		func(int, stream.Stream[int]) stream.Stream[int] { return nil }).Collect(t.Context())
	if err == nil {
		t.Fatal("got nil, want an error")
	}
}
