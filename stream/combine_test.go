package stream_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/stream"
)

// TestMergeConcurrent needs both sources to run at once: a waits for a value
// that only b sends.
func TestMergeConcurrent(t *testing.T) {
	gate := make(chan struct{})
	a := func(ctx context.Context, yield func(int) error) error {
		<-gate
		return yield(1)
	}
	b := func(ctx context.Context, yield func(int) error) error {
		close(gate)
		return yield(2)
	}
	got, err := stream.Merge[int](a, b).Collect(t.Context())
	slices.Sort(got)
	if err != nil || !slices.Equal(got, []int{1, 2}) {
		t.Errorf("got %v, %v; want [1 2], nil", got, err)
	}
}

// TestMergeErrorStopsOthers: one failing source stops a blocked sibling.
func TestMergeErrorStopsOthers(t *testing.T) {
	blocked := func(ctx context.Context, yield func(int) error) error {
		<-ctx.Done()
		return ctx.Err()
	}
	_, err := stream.Merge(blocked, failing(errBoom)).Collect(t.Context())
	if err != errBoom {
		t.Errorf("got %v, want %v", err, errBoom)
	}
}

// TestConcatStop checks that a stop from downstream during one part does not
// run the next part, while a Take that ends a part does.
func TestConcatStop(t *testing.T) {
	ran := false
	second := func(ctx context.Context, yield func(int) error) error {
		ran = true
		return yield(100)
	}
	got, _ := stream.Concat(naturals().Take(3), second).Take(2).Collect(t.Context())
	if ran || !slices.Equal(got, []int{1, 2}) {
		t.Errorf("got %v, second ran %v; want [1 2], false", got, ran)
	}
	got, _ = stream.Concat(naturals().Take(2), second).Collect(t.Context())
	if !ran || !slices.Equal(got, []int{1, 2, 100}) {
		t.Errorf("got %v, second ran %v; want [1 2 100], true", got, ran)
	}
}

func TestZipShorter(t *testing.T) {
	join := func(a int, b string) string { return strings.Repeat(b, a) }
	got, err := stream.Zip(upTo(5), stream.FromSlice([]string{"a", "b"}), join).Collect(t.Context())
	if err != nil || !slices.Equal(got, []string{"a", "bb"}) {
		t.Errorf("got %v, %v; want [a bb], nil", got, err)
	}
}

func TestReduce(t *testing.T) {
	got, err := stream.Reduce(t.Context(), upTo(4), "", func(acc string, v int) string {
		return acc + string(rune('a'+v-1))
	})
	if err != nil || got != "abcd" {
		t.Errorf("got %q, %v; want %q, nil", got, err, "abcd")
	}
}

// TestMisuse checks that every constructor panics on a nil function, a nil
// source or a bad size, with a message naming the package.
func TestMisuse(t *testing.T) {
	s := upTo(1)
	tests := map[string]func(){
		"Map":              func() { stream.Map[int, int](s, nil) },
		"FlatMap":          func() { stream.FlatMap[int, int](s, nil) },
		"Filter":           func() { s.Filter(nil) },
		"TakeWhile":        func() { s.TakeWhile(nil) },
		"Scan":             func() { stream.Scan[int, int](s, 0, nil) },
		"Reduce":           func() { _, _ = stream.Reduce[int, int](t.Context(), s, 0, nil) },
		"ForEach":          func() { _ = s.ForEach(t.Context(), nil) },
		"Zip":              func() { stream.Zip[int, int, int](s, s, nil) },
		"Generate":         func() { stream.Generate[int](nil) },
		"FromSeq":          func() { stream.FromSeq[int](nil) },
		"FromChannel":      func() { stream.FromChannel[int](nil) },
		"FromResult":       func() { stream.FromResult[int](future.Result[int](nil)) },
		"Merge":            func() { stream.Merge(s, nil) },
		"Concat":           func() { stream.Concat(s, nil) },
		"Batch":            func() { stream.Batch(s, 0) },
		"BatchTime":        func() { stream.BatchTime(s, 1, 0) },
		"BatchTime/n":      func() { stream.BatchTime(s, 0, time.Second) },
		"Buffer":           func() { s.Buffer(0) },
		"MapErr":           func() { stream.MapErr[int, int](s, nil) },
		"FilterMap":        func() { stream.FilterMap[int, int](s, nil) },
		"Tap":              func() { s.Tap(nil) },
		"Catch":            func() { s.Catch(nil) },
		"Window/n":         func() { stream.Window(s, 0, 1) },
		"Window/step":      func() { stream.Window(s, 1, 0) },
		"Retry/retries":    func() { s.Retry(stream.Backoff{Retries: -2}) },
		"Retry/forever":    func() { s.Retry(stream.Backoff{Retries: stream.RetryForever}) },
		"Retry/delay":      func() { s.Retry(stream.Backoff{Retries: 1, Delay: -1}) },
		"Retry/maxdelay":   func() { s.Retry(stream.Backoff{Retries: 1, MaxDelay: -1}) },
		"Retry/multiplier": func() { s.Retry(stream.Backoff{Retries: 1, Multiplier: 0.5}) },
		"Retry/jitter":     func() { s.Retry(stream.Backoff{Retries: 1, Jitter: 1.5}) },
		"Ticker":           func() { stream.Ticker(0) },
		"ParallelMap":      func() { stream.ParallelMap[int, int](s, 1, stream.InputOrder, nil) },
		"ParallelMap/n": func() {
			stream.ParallelMap(s, 0, stream.InputOrder, func(context.Context, int) (int, error) { return 0, nil })
		},
		"ParallelMap/order": func() {
			stream.ParallelMap(s, 1, stream.Order(7), func(context.Context, int) (int, error) { return 0, nil })
		},
	}
	for name, f := range tests {
		t.Run(name, func(t *testing.T) {
			defer func() {
				msg, _ := recover().(string)
				if !strings.HasPrefix(msg, "stream: ") {
					t.Errorf("got panic %q, want a message starting with %q", msg, "stream: ")
				}
			}()
			f()
		})
	}
}
