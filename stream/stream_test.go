package stream_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/goresult/goresult/stream"
)

// operator is one row of the table every operator goes through: op builds
// the operator over src; hook is called from inside the operator's own user
// function, if it has one (hasFn), so that a test can make it panic.
type operator struct {
	name      string
	op        func(src stream.Stream[int], hook func(int)) stream.Stream[int]
	want      []int // of op(upTo(10))
	unordered bool  // compare sorted
	hasFn     bool
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

var operators = []operator{
	{name: "Map", hasFn: true, want: []int{2, 4, 6, 8, 10, 12, 14, 16, 18, 20},
		op: func(s stream.Stream[int], h func(int)) stream.Stream[int] {
			return stream.Map(s, func(v int) int { h(v); return 2 * v })
		}},
	{name: "Filter", hasFn: true, want: []int{2, 4, 6, 8, 10},
		op: func(s stream.Stream[int], h func(int)) stream.Stream[int] {
			return s.Filter(func(v int) bool { h(v); return v%2 == 0 })
		}},
	{name: "FlatMap", hasFn: true, want: []int{1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10},
		op: func(s stream.Stream[int], h func(int)) stream.Stream[int] {
			return stream.FlatMap(s, func(v int) stream.Stream[int] { h(v); return stream.FromSlice([]int{v, v}) })
		}},
	{name: "Take", want: []int{1, 2, 3, 4, 5},
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] { return s.Take(5) }},
	{name: "TakeWhile", hasFn: true, want: []int{1, 2, 3, 4, 5},
		op: func(s stream.Stream[int], h func(int)) stream.Stream[int] {
			return s.TakeWhile(func(v int) bool { h(v); return v < 6 })
		}},
	{name: "Skip", want: []int{4, 5, 6, 7, 8, 9, 10},
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] { return s.Skip(3) }},
	{name: "Distinct", want: []int{1, 2, 3, 0},
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] {
			return stream.Distinct(stream.Map(s, func(v int) int { return v % 4 }))
		}},
	{name: "Scan", hasFn: true, want: []int{1, 3, 6, 10, 15, 21, 28, 36, 45, 55},
		op: func(s stream.Stream[int], h func(int)) stream.Stream[int] {
			return stream.Scan(s, 0, func(a, v int) int { h(v); return a + v })
		}},
	{name: "Batch", want: []int{6, 15, 24, 10},
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] {
			return stream.Map(stream.Batch(s, 3), sum)
		}},
	{name: "BatchTime", want: []int{6, 15, 24, 10},
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] {
			return stream.Map(stream.BatchTime(s, 3, time.Hour), sum)
		}},
	{name: "Buffer", want: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] { return s.Buffer(2) }},
	{name: "ParallelMap/InputOrder", hasFn: true, want: []int{2, 4, 6, 8, 10, 12, 14, 16, 18, 20},
		op: func(s stream.Stream[int], h func(int)) stream.Stream[int] {
			return stream.ParallelMap(s, 3, stream.InputOrder, func(_ context.Context, v int) (int, error) { h(v); return 2 * v, nil })
		}},
	{name: "ParallelMap/CompletionOrder", hasFn: true, unordered: true, want: []int{2, 4, 6, 8, 10, 12, 14, 16, 18, 20},
		op: func(s stream.Stream[int], h func(int)) stream.Stream[int] {
			return stream.ParallelMap(s, 3, stream.CompletionOrder, func(_ context.Context, v int) (int, error) { h(v); return 2 * v, nil })
		}},
	{name: "Merge", unordered: true, want: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100},
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] {
			return stream.Merge(s, stream.FromSlice([]int{100}))
		}},
	{name: "Concat", want: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100},
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] {
			return stream.Concat(s, stream.FromSlice([]int{100}))
		}},
	{name: "Zip", hasFn: true, want: []int{11, 22, 33, 44, 55, 66, 77, 88, 99, 110},
		op: func(s stream.Stream[int], h func(int)) stream.Stream[int] {
			return stream.Zip(s, stream.Map(naturals(), func(v int) int { return 10 * v }), func(a, b int) int { h(a); return a + b })
		}},
	{name: "MapErr", hasFn: true, want: []int{2, 4, 6, 8, 10, 12, 14, 16, 18, 20},
		op: func(s stream.Stream[int], h func(int)) stream.Stream[int] {
			return stream.MapErr(s, func(v int) (int, error) { h(v); return 2 * v, nil })
		}},
	{name: "FilterMap", hasFn: true, want: []int{20, 40, 60, 80, 100},
		op: func(s stream.Stream[int], h func(int)) stream.Stream[int] {
			return stream.FilterMap(s, func(v int) (int, bool) { h(v); return 10 * v, v%2 == 0 })
		}},
	{name: "Tap", hasFn: true, want: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
		op: func(s stream.Stream[int], h func(int)) stream.Stream[int] { return s.Tap(h) }},
	{name: "Catch", want: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100},
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] {
			return stream.Concat(s, failWith(errOther)).Catch(func(err error) stream.Stream[int] {
				if err != errOther {
					return nil // not caught: goes on
				}
				return stream.FromSlice([]int{100})
			})
		}},
	{name: "Retry", want: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] {
			return stream.Concat(failOnce(errOther), s).Retry(stream.Backoff{
				Retries: 3, Retryable: func(err error) bool { return err == errOther },
			})
		}},
	{name: "Window", want: []int{6, 9, 12, 15, 18, 21, 24, 27},
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] {
			return stream.Map(stream.Window(s, 3, 1), sum)
		}},
	{name: "Window/step", want: []int{3, 9, 15},
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] {
			return stream.Map(stream.Window(s, 2, 3), sum)
		}},
	{name: "Zip/bs", want: []int{11, 22, 33, 44, 55, 66, 77, 88, 99, 110},
		op: func(s stream.Stream[int], _ func(int)) stream.Stream[int] {
			return stream.Zip(stream.Map(naturals(), func(v int) int { return 10 * v }), s, func(a, b int) int { return a + b })
		}},
}

func noHook(int) {}

func TestOperatorValues(t *testing.T) {
	for _, tc := range operators {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.op(upTo(10), noHook).Collect(t.Context())
			if err != nil {
				t.Fatalf("Collect: %v", err)
			}
			want := tc.want
			if tc.unordered {
				got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
			}
			if !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
			// A second run is a fresh run.
			again, err := tc.op(upTo(10), noHook).Collect(t.Context())
			if err != nil || len(again) != len(got) {
				t.Errorf("second run: got %v, %v; want %d values", again, err, len(got))
			}
		})
	}
}

// TestOperatorEarlyStop stops each operator over an endless source, both by
// Take downstream and by ErrStop from the sink; the stream must end, with
// no error, and goleak checks that no goroutine is left.
func TestOperatorEarlyStop(t *testing.T) {
	for _, tc := range operators {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.op(naturals(), noHook).Take(2).Collect(t.Context())
			if err != nil || len(got) != 2 {
				t.Errorf("Take(2): got %v, %v; want 2 values, nil", got, err)
			}
			n := 0
			err = tc.op(naturals(), noHook).ForEach(t.Context(), func(int) error {
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
}

func TestOperatorError(t *testing.T) {
	for _, tc := range operators {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.op(failing(errBoom), noHook).Collect(t.Context())
			if !errors.Is(err, errBoom) {
				t.Errorf("source error: got %v, want %v", err, errBoom)
			}
			errSink := errors.New("sink")
			err = tc.op(naturals(), noHook).ForEach(t.Context(), func(int) error { return errSink })
			if err != errSink {
				t.Errorf("sink error: got %v, want %v unchanged", err, errSink)
			}
		})
	}
}

func TestOperatorCancel(t *testing.T) {
	for _, tc := range operators {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			n := 0
			err := tc.op(naturals(), noHook).ForEach(ctx, func(int) error {
				if n++; n == 2 {
					cancel()
				}
				return nil
			})
			if !errors.Is(err, context.Canceled) {
				t.Errorf("got %v after %d values, want %v", err, n, context.Canceled)
			}
		})
	}
}

func TestOperatorPanic(t *testing.T) {
	for _, tc := range operators {
		t.Run(tc.name, func(t *testing.T) {
			if tc.hasFn {
				_, err := tc.op(upTo(10), func(v int) {
					if v == 3 {
						panic("user panic")
					}
				}).Collect(t.Context())
				if got := panicValue(err); got != "user panic" {
					t.Errorf("panic in the operator's function: got %v, want a *future.PanicError of %q", err, "user panic")
				}
			}
			_, err := tc.op(panicking, noHook).Collect(t.Context())
			if got := panicValue(err); got != "source panic" {
				t.Errorf("panic in the source: got %v, want a *future.PanicError of %q", err, "source panic")
			}
			err = tc.op(naturals(), noHook).ForEach(t.Context(), func(int) error { panic("sink panic") })
			if got := panicValue(err); got != "sink panic" {
				t.Errorf("panic in the sink: got %v, want a *future.PanicError of %q", err, "sink panic")
			}
		})
	}
}
