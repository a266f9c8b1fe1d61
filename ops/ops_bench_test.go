package ops_test

import (
	"context"
	"runtime"
	"sync"
	"testing"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

// The N-way operators over 10,000 pending results settled from another
// goroutine, each beside the hand-written Go a user would write without
// goresult: one goroutine per input waiting on a channel, and a channel or a
// WaitGroup to gather. Each iteration makes its inputs, wires the operator,
// settles every input from one goroutine and waits for that goroutine, so
// that iterations do not overlap.
const benchN = 10_000

// value is what the hand-written baselines carry: a value or an error.
type value struct {
	v   int
	err error
}

// opsInputs returns n pending futures and starts nothing; settle settles
// them in order from a new goroutine and returns a channel closed after.
func opsInputs(n int) (fs []*future.Future[int], settle func() <-chan struct{}) {
	fs = futures(n)
	return fs, func() <-chan struct{} {
		done := make(chan struct{})
		go func() {
			defer close(done)
			for i, f := range fs {
				f.SetResult(i)
			}
		}()
		return done
	}
}

// chanInputs is opsInputs for the baselines: a buffered channel per input.
func chanInputs(n int) (cs []chan value, settle func() <-chan struct{}) {
	cs = make([]chan value, n)
	for i := range cs {
		cs[i] = make(chan value, 1)
	}
	return cs, func() <-chan struct{} {
		done := make(chan struct{})
		go func() {
			defer close(done)
			for i, c := range cs {
				c <- value{v: i}
			}
		}()
		return done
	}
}

// benchOperator measures op over benchN pending futures settled from another
// goroutine; ok checks what op's result settles with.
func benchOperator[U any](b *testing.B, op func(...*future.Future[int]) future.Result[U], ok func([]*future.Future[int], U) bool) {
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		fs, settle := opsInputs(benchN)
		out := op(fs...)
		done := settle()
		if u, err := out.Await(ctx); err != nil || !ok(fs, u) {
			b.Fatal("wrong outcome", err)
		}
		<-done
	}
}

func BenchmarkRace(b *testing.B) {
	b.Run("impl=goroutines", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			cs, settle := chanInputs(benchN)
			first := make(chan value, 1)
			var wg sync.WaitGroup
			for _, c := range cs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					select {
					case first <- <-c:
					default:
					}
				}()
			}
			done := settle()
			if got := <-first; got.err != nil {
				b.Fatal("wrong winner")
			}
			<-done
			wg.Wait()
		}
	})
	b.Run("impl=goresult", func(b *testing.B) {
		benchOperator(b, ops.Race[int, *future.Future[int]],
			func(_ []*future.Future[int], v int) bool { return v == 0 })
	})
}

func BenchmarkAny(b *testing.B) {
	b.Run("impl=goroutines", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			cs, settle := chanInputs(benchN)
			first := make(chan value, 1)
			var failed sync.WaitGroup // counts down failures, as Any must
			failed.Add(benchN)
			var wg sync.WaitGroup
			for _, c := range cs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					r := <-c
					if r.err != nil {
						failed.Done()
						return
					}
					select {
					case first <- r:
					default:
					}
				}()
			}
			done := settle()
			if got := <-first; got.err != nil {
				b.Fatal("wrong winner")
			}
			<-done
			wg.Wait()
		}
	})
	b.Run("impl=goresult", func(b *testing.B) {
		benchOperator(b, ops.Any[int, *future.Future[int]],
			func(_ []*future.Future[int], v int) bool { return v == 0 })
	})
}

func BenchmarkAll(b *testing.B) {
	b.Run("impl=waitgroup", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			cs, settle := chanInputs(benchN)
			vals := make([]int, benchN)
			var wg sync.WaitGroup
			for i, c := range cs {
				wg.Add(1)
				go func() { defer wg.Done(); vals[i] = (<-c).v }()
			}
			done := settle()
			wg.Wait()
			if vals[benchN-1] != benchN-1 {
				b.Fatal("wrong value")
			}
			<-done
		}
	})
	b.Run("impl=goresult", func(b *testing.B) {
		benchOperator(b, ops.All[int, *future.Future[int]],
			func(_ []*future.Future[int], vals []int) bool { return vals[benchN-1] == benchN-1 })
	})
}

func BenchmarkAllSettled(b *testing.B) {
	b.Run("impl=waitgroup", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			cs, settle := chanInputs(benchN)
			outcomes := make([]value, benchN)
			var wg sync.WaitGroup
			for i, c := range cs {
				wg.Add(1)
				go func() { defer wg.Done(); outcomes[i] = <-c }()
			}
			done := settle()
			wg.Wait()
			if outcomes[benchN-1].v != benchN-1 {
				b.Fatal("wrong value")
			}
			<-done
		}
	})
	b.Run("impl=goresult", func(b *testing.B) {
		benchOperator(b, ops.AllSettled[int, *future.Future[int]],
			func(fs []*future.Future[int], rs []future.Result[int]) bool {
				return rs[benchN-1] == future.Result[int](fs[benchN-1])
			})
	})
}

func BenchmarkMerge(b *testing.B) {
	b.Run("impl=goroutines", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			cs, settle := chanInputs(benchN)
			merged := make(chan value)
			for _, c := range cs {
				go func() { merged <- <-c }()
			}
			done := settle()
			sum := 0
			for range benchN {
				sum += (<-merged).v
			}
			if sum != benchN*(benchN-1)/2 {
				b.Fatal("wrong sum")
			}
			<-done
		}
	})
	b.Run("impl=goresult", func(b *testing.B) {
		b.ReportAllocs()
		ctx := context.Background()
		for b.Loop() {
			fs, settle := opsInputs(benchN)
			done := settle()
			sum := 0
			err := ops.Merge(fs...)(ctx, func(f *future.Future[int]) error {
				v, _ := f.Get()
				sum += v
				return nil
			})
			if err != nil || sum != benchN*(benchN-1)/2 {
				b.Fatal("wrong sum", err)
			}
			<-done
		}
	})
}

// BenchmarkChain is a Map, Then, Map chain on one pending result, beside a
// goroutine that waits for the value and applies the three steps.
func BenchmarkChain(b *testing.B) {
	b.Run("impl=goroutine", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			in, out := make(chan int, 1), make(chan value, 1)
			go func() {
				v, _ := inc(<-in)
				v, _ = double(v).Get()
				v, _ = inc(v)
				out <- value{v: v}
			}()
			in <- 1
			if r := <-out; r.v != 5 {
				b.Fatal("wrong value")
			}
		}
	})
	b.Run("impl=goresult", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			p := future.New[int]()
			out := ops.Map(ops.Then(ops.Map(p, inc), double), inc)
			p.SetResult(1)
			if v, _ := out.Get(); v != 5 {
				b.Fatal("wrong value")
			}
		}
	})
}

// BenchmarkScale puts 1,000,000 pending futures through All and Merge and
// reports the memory: B/future allocated in all (the futures included), and,
// for All, live-B/future retained while every input is pending and wired.
func BenchmarkScale(b *testing.B) {
	const n = 1_000_000
	ctx := context.Background()
	b.Run("op=All", func(b *testing.B) {
		b.ReportAllocs()
		var total, live uint64
		for b.Loop() {
			var before, wired, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			fs, settle := opsInputs(n)
			out := ops.All(fs...)
			runtime.GC()
			runtime.ReadMemStats(&wired)
			done := settle()
			if vals, _ := out.Await(ctx); len(vals) != n {
				b.Fatal("wrong length")
			}
			<-done
			runtime.ReadMemStats(&after)
			total += after.TotalAlloc - before.TotalAlloc
			live = max(live, wired.HeapAlloc-min(wired.HeapAlloc, before.HeapAlloc))
		}
		b.ReportMetric(float64(total)/float64(b.N)/n, "B/future")
		b.ReportMetric(float64(live)/n, "live-B/future")
	})
	b.Run("op=Merge", func(b *testing.B) {
		b.ReportAllocs()
		var total uint64
		for b.Loop() {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			fs, settle := opsInputs(n)
			count := 0
			done := settle() // races with the registration, as in real use
			err := ops.Merge(fs...)(ctx, func(*future.Future[int]) error {
				count++
				return nil
			})
			if err != nil || count != n {
				b.Fatal("wrong count", count, err)
			}
			<-done
			runtime.ReadMemStats(&after)
			total += after.TotalAlloc - before.TotalAlloc
		}
		b.ReportMetric(float64(total)/float64(b.N)/n, "B/future")
	})
}
