package stream_test

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/stream"
)

// goexiting yields 1, 2, 3 and then calls runtime.Goexit, as t.FailNow in a
// helper would.
func goexiting(ctx context.Context, yield func(int) error) error {
	for i := 1; i <= 3; i++ {
		if err := yield(i); err != nil {
			return err
		}
	}
	runtime.Goexit()
	return nil
}

// drainErr runs s with ToChannel, drains it and returns how done settled.
func drainErr[T any](ctx context.Context, s stream.Stream[T]) error {
	values, done := s.ToChannel(ctx)
	for range values {
	}
	return done.Err()
}

// TestOperatorGoexit: runtime.Goexit in an operator's function or in its
// source settles what the stream settles (ToChannel's done, Last's task)
// with future.ErrGoexit; in a goroutine the operator owns it is the stream's
// error, never a hang or a normal end with values missing.
func TestOperatorGoexit(t *testing.T) {
	goexitAt3 := func(v int) {
		if v == 3 {
			runtime.Goexit()
		}
	}
	for _, tc := range operators {
		t.Run(tc.name, func(t *testing.T) {
			if tc.hasFn {
				if err := drainErr(t.Context(), tc.op(upTo(10), goexitAt3)); !errors.Is(err, future.ErrGoexit) {
					t.Errorf("Goexit in the operator's function: got %v, want %v", err, future.ErrGoexit)
				}
			}
			if err := drainErr(t.Context(), tc.op(goexiting, noHook)); !errors.Is(err, future.ErrGoexit) {
				t.Errorf("Goexit in the source, ToChannel: got %v, want %v", err, future.ErrGoexit)
			}
			if _, err := tc.op(goexiting, noHook).Last(t.Context()).Await(t.Context()); !errors.Is(err, future.ErrGoexit) {
				t.Errorf("Goexit in the source, Last: got %v, want %v", err, future.ErrGoexit)
			}
		})
	}
}

// TestGoexitInOwnedGoroutine: a Goexit in a goroutine that an operator owns
// fails the stream with ErrGoexit even when the stream itself is run by
// Collect in the test's goroutine.
func TestGoexitInOwnedGoroutine(t *testing.T) {
	goexitAt3 := func(_ context.Context, v int) (int, error) {
		if v == 3 {
			runtime.Goexit()
		}
		return v, nil
	}
	seq := func(yield func(int) bool) {
		for i := 1; ; i++ {
			if i == 3 {
				runtime.Goexit()
			}
			if !yield(i) {
				return
			}
		}
	}
	tests := map[string]stream.Stream[int]{
		"Buffer":                      stream.Stream[int](goexiting).Buffer(2),
		"Buffer/FromSeq":              stream.FromSeq(seq).Buffer(1),
		"Buffer/Generate":             goexitingGenerate().Buffer(1),
		"Merge":                       stream.Merge(goexiting, upTo(3)),
		"BatchTime":                   stream.Map(stream.BatchTime(goexiting, 2, time.Hour), sum),
		"ParallelMap/InputOrder":      stream.ParallelMap(upTo(10), 2, stream.InputOrder, goexitAt3),
		"ParallelMap/CompletionOrder": stream.ParallelMap(upTo(10), 2, stream.CompletionOrder, goexitAt3),
		"Zip/bs":                      stream.Zip(upTo(10), stream.Stream[int](goexiting), func(a, b int) int { return a + b }),
	}
	for name, s := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := s.Collect(t.Context()); !errors.Is(err, future.ErrGoexit) {
				t.Errorf("got %v, want %v", err, future.ErrGoexit)
			}
		})
	}
}

// goexitingGenerate is a Generate source whose next calls runtime.Goexit
// on its third call.
func goexitingGenerate() stream.Stream[int] {
	n := 0
	return stream.Generate(func(context.Context) (int, error) {
		if n++; n == 3 {
			runtime.Goexit()
		}
		return n, nil
	})
}

// TestGoexitSettles: a Goexit in a source run by ToChannel, First or Last
// settles what they hand back.
func TestGoexitSettles(t *testing.T) {
	for name, s := range map[string]func() stream.Stream[int]{
		"Generate": goexitingGenerate,
		"FromSeq": func() stream.Stream[int] {
			return stream.FromSeq(func(yield func(int) bool) {
				yield(1)
				runtime.Goexit()
			})
		},
	} {
		t.Run(name, func(t *testing.T) {
			if err := drainErr(t.Context(), s()); !errors.Is(err, future.ErrGoexit) {
				t.Errorf("ToChannel: got %v, want %v", err, future.ErrGoexit)
			}
			if _, err := s().Last(t.Context()).Await(t.Context()); !errors.Is(err, future.ErrGoexit) {
				t.Errorf("Last: got %v, want %v", err, future.ErrGoexit)
			}
		})
	}
	if _, err := stream.Stream[int](goexiting).Skip(5).First(t.Context()).Await(t.Context()); !errors.Is(err, future.ErrGoexit) {
		t.Errorf("First: got %v, want %v", err, future.ErrGoexit)
	}
}

// TestBatchGrowsWithData: a batch size is a limit, not an allocation.
func TestBatchGrowsWithData(t *testing.T) {
	for name, s := range map[string]stream.Stream[[]int]{
		"Batch/2^25":     stream.Batch(upTo(3), 1<<25),
		"Batch/1e10":     stream.Batch(upTo(3), 1e10),
		"BatchTime/2^25": stream.BatchTime(upTo(3), 1<<25, time.Hour),
		"BatchTime/1e10": stream.BatchTime(upTo(3), 1e10, time.Hour),
	} {
		t.Run(name, func(t *testing.T) {
			got, err := s.Collect(t.Context())
			if err != nil || len(got) != 1 || !slices.Equal(got[0], []int{1, 2, 3}) {
				t.Fatalf("got %v, %v; want [[1 2 3]], nil", got, err)
			}
			if c := cap(got[0]); c > 64 {
				t.Errorf("got a batch of cap %d for 3 values, want at most 64", c)
			}
		})
	}
}

// TestNilStream: every function and method that takes a stream panics at
// the call, with a "stream:" message, on a nil one.
func TestNilStream(t *testing.T) {
	var s stream.Stream[int]
	ok := upTo(1)
	id := func(v int) int { return v }
	ctx := t.Context()
	tests := map[string]func(){
		"Map":       func() { stream.Map(s, id) },
		"FlatMap":   func() { stream.FlatMap(s, func(int) stream.Stream[int] { return ok }) },
		"Scan":      func() { stream.Scan(s, 0, func(a, v int) int { return a }) },
		"Reduce":    func() { _, _ = stream.Reduce(ctx, s, 0, func(a, v int) int { return a }) },
		"Distinct":  func() { stream.Distinct(s) },
		"Batch":     func() { stream.Batch(s, 1) },
		"BatchTime": func() { stream.BatchTime(s, 1, time.Second) },
		"ParallelMap": func() {
			stream.ParallelMap(s, 1, stream.InputOrder, func(context.Context, int) (int, error) { return 0, nil })
		},
		"Zip/as":    func() { stream.Zip(s, ok, func(a, b int) int { return a }) },
		"Zip/bs":    func() { stream.Zip(ok, s, func(a, b int) int { return a }) },
		"Merge":     func() { stream.Merge(ok, s) },
		"Concat":    func() { stream.Concat(s) },
		"Filter":    func() { s.Filter(func(int) bool { return true }) },
		"Take":      func() { s.Take(1) },
		"Take/0":    func() { s.Take(0) },
		"TakeWhile": func() { s.TakeWhile(func(int) bool { return true }) },
		"Skip":      func() { s.Skip(1) },
		"Skip/0":    func() { s.Skip(0) },
		"Buffer":    func() { s.Buffer(1) },
		"Seq2":      func() { s.Seq2(ctx) },
		"Collect":   func() { _, _ = s.Collect(ctx) },
		"ForEach":   func() { _ = s.ForEach(ctx, func(int) error { return nil }) },
		"ToChannel": func() { s.ToChannel(ctx) },
		"First":     func() { s.First(ctx) },
		"Last":      func() { s.Last(ctx) },
	}
	for name, f := range tests {
		t.Run(name, func(t *testing.T) {
			defer func() {
				msg, _ := recover().(string)
				if !strings.HasPrefix(msg, "stream: ") || !strings.Contains(msg, "nil stream") {
					t.Errorf("got panic %q, want a \"stream: ... nil stream\" message", msg)
				}
			}()
			f()
		})
	}
}

var errCause = errors.New("the cause")

// TestCancelCause: a stream that returns because ctx ended returns an error
// that matches both ctx.Err() and context.Cause(ctx).
func TestCancelCause(t *testing.T) {
	blocked := make(chan int)
	seq := func(yield func(int) bool) {
		for i := 0; yield(i); i++ {
		}
	}
	sources := map[string]stream.Stream[int]{
		"FromSlice":   stream.FromSlice(make([]int, 100)),
		"FromSeq":     stream.FromSeq(seq),
		"FromChannel": stream.FromChannel(blocked),
		"Generate":    naturals(),
		"Ticker":      stream.Map(stream.Ticker(time.Hour), func(time.Time) int { return 0 }),
		"Concat":      stream.Concat(upTo(1), stream.FromChannel(blocked)),
		"FromResult":  stream.FromResult[int](future.New[int]()),
	}
	for _, tc := range operators {
		sources["op/"+tc.name] = tc.op(naturals(), noHook)
	}
	for name, s := range sources {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithCancelCause(t.Context())
			if name == "Ticker" || name == "FromChannel" || name == "FromResult" || name == "Concat" {
				cancel(errCause) // these block: cancel before the run
			}
			err := s.ForEach(ctx, func(int) error {
				cancel(errCause)
				return nil
			})
			if !errors.Is(err, context.Canceled) || !errors.Is(err, errCause) {
				t.Errorf("got %v, want an error matching %v and %v", err, context.Canceled, errCause)
			}
		})
	}
}

// events is a source that yields 1..n and then waits for ctx: a stream of
// events whose next one has not come.
func events(n int) stream.Stream[int] {
	return func(ctx context.Context, yield func(int) error) error {
		for i := 1; i <= n; i++ {
			if err := yield(i); err != nil {
				return err
			}
		}
		<-ctx.Done()
		return ctx.Err()
	}
}

// TestZipEndsWhenEitherEnds: Zip ends once either stream has ended, in both
// argument orders, even while the other waits for its next value.
func TestZipEndsWhenEitherEnds(t *testing.T) {
	add := func(a, b int) int { return a + b }
	ids := stream.FromSlice([]int{10, 20})
	tests := map[string]stream.Stream[int]{
		"events first": stream.Zip(events(2), ids, add),
		"ids first":    stream.Zip(ids, events(2), add),
	}
	for name, s := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := s.Collect(t.Context())
			if err != nil || !slices.Equal(got, []int{11, 22}) {
				t.Errorf("got %v, %v; want [11 22], nil", got, err)
			}
		})
	}
	// An as that answers its stop with an error of its own (as an RPC
	// client may) does not fail a zip that bs has ended.
	rpc := stream.Stream[int](func(ctx context.Context, yield func(int) error) error {
		<-ctx.Done()
		return errOther
	})
	if got, err := stream.Zip(rpc, stream.FromSlice[int](nil), add).Collect(t.Context()); err != nil || len(got) != 0 {
		t.Errorf("as fails once stopped: got %v, %v; want [], nil", got, err)
	}
	// bs failing while as waits fails the zip.
	_, err := stream.Zip(events(3), failing(errBoom), add).Collect(t.Context())
	if err != errBoom {
		t.Errorf("bs fails: got %v, want %v", err, errBoom)
	}
}

// TestSinkCancelCause: every sink reports a ctx that ended with a cause by
// an error that matches both ctx.Err() and the cause.
func TestSinkCancelCause(t *testing.T) {
	ctx, cancel := context.WithCancelCause(t.Context())
	cancel(errCause)
	s := naturals()
	sinks := map[string]func() error{
		"Collect": func() error { _, err := s.Collect(ctx); return err },
		"ForEach": func() error { return s.ForEach(ctx, func(int) error { return nil }) },
		"Reduce":  func() error { _, err := stream.Reduce(ctx, s, 0, func(a, v int) int { return a }); return err },
		"First":   func() error { _, err := s.First(ctx).Await(t.Context()); return err },
		"Last":    func() error { _, err := s.Last(ctx).Await(t.Context()); return err },
		"ToChannel": func() error {
			return drainErr(ctx, s)
		},
		"All": func() error {
			values, errf := s.All(ctx)
			for range values {
			}
			return errf()
		},
		"Seq2": func() error {
			for _, err := range s.Seq2(ctx) {
				if err != nil {
					return err
				}
			}
			return nil
		},
	}
	for name, run := range sinks {
		t.Run(name, func(t *testing.T) {
			if err := run(); !errors.Is(err, context.Canceled) || !errors.Is(err, errCause) {
				t.Errorf("got %v, want an error matching %v and %v", err, context.Canceled, errCause)
			}
		})
	}
}

// TestZipDeadline: a deadline that ends while as waits ends Zip with an
// error matching context.DeadlineExceeded and the deadline's cause.
func TestZipDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeoutCause(t.Context(), time.Second, errCause)
		defer cancel()
		_, err := stream.Zip(events(1), upTo(5), func(a, b int) int { return a + b }).Collect(ctx)
		if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, errCause) {
			t.Errorf("got %v, want an error matching %v and %v", err, context.DeadlineExceeded, errCause)
		}
	})
}

// TestCancelAnsweredWithOwnError: a source that answers ctx's end with an
// error of its own (as an RPC client may) in a goroutine an operator owns
// does not hide ctx's error and cause.
func TestCancelAnsweredWithOwnError(t *testing.T) {
	id := func(_ context.Context, v int) (int, error) { return v, nil }
	ops := map[string]func(stream.Stream[int]) stream.Stream[int]{
		"Buffer": func(s stream.Stream[int]) stream.Stream[int] { return s.Buffer(1) },
		"Merge":  func(s stream.Stream[int]) stream.Stream[int] { return stream.Merge(s, upTo(2)) },
		"BatchTime": func(s stream.Stream[int]) stream.Stream[int] {
			return stream.Map(stream.BatchTime(s, 5, time.Hour), sum)
		},
		"ParallelMap/InputOrder": func(s stream.Stream[int]) stream.Stream[int] {
			return stream.ParallelMap(s, 2, stream.InputOrder, id)
		},
		"ParallelMap/CompletionOrder": func(s stream.Stream[int]) stream.Stream[int] {
			return stream.ParallelMap(s, 2, stream.CompletionOrder, id)
		},
	}
	for name, op := range ops {
		t.Run(name, func(t *testing.T) {
			for range 20 { // the end races with the close of the channel
				ctx, cancel := context.WithCancelCause(t.Context())
				rpc := func(ctx context.Context, yield func(int) error) error {
					if err := yield(1); err != nil {
						return err
					}
					cancel(errCause)
					<-ctx.Done()
					return errOther
				}
				err := op(rpc).ForEach(ctx, func(int) error { return nil })
				if !errors.Is(err, errCause) {
					t.Fatalf("got %v, want an error matching %v", err, errCause)
				}
			}
		})
	}
}
