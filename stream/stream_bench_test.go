package stream_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/goresult/goresult/stream"
)

var (
	ints  = make([]int, 1_000_000)
	sink  int
	inc   = func(v int) int { return v + 1 }
	even  = func(v int) bool { return v%2 == 0 }
	twice = func(v int) int { return 2 * v }
)

func init() {
	for i := range ints {
		ints[i] = i
	}
}

// BenchmarkMapFilterMap runs Map, Filter, Map over 1,000,000 ints. The
// functions are held in variables, as the stream holds them.
func BenchmarkMapFilterMap(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := stream.Map(stream.Map(stream.FromSlice(ints), inc).Filter(even), twice)
	sumEach(b, ctx, s)
}

// BenchmarkMapFilterMapLoop is the hand-written loop calling the same
// functions, with the same per-value ctx check as the stream's source.
func BenchmarkMapFilterMapLoop(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b.ReportAllocs()
	for b.Loop() {
		total := 0
		for _, v := range ints {
			if ctx.Err() != nil {
				break
			}
			v = inc(v)
			if !even(v) {
				continue
			}
			total += twice(v)
		}
		sink = total
	}
}

// spinRounds is how many rounds of spin's loop take about 10 microseconds
// on this machine, measured once: a fixed amount of work, so that time a
// goroutine spends descheduled does not count as work done.
var spinRounds = sync.OnceValue(func() int {
	const probe = 1_000_000
	start := time.Now()
	spinFor(probe)
	return int(probe * int64(10*time.Microsecond) / int64(time.Since(start)))
})

var spinSink uint64

func spinFor(rounds int) {
	x := uint64(rounds)
	for range rounds {
		x = x*6364136223846793005 + 1442695040888963407
	}
	spinSink = x
}

// spin is a 10 microsecond function that keeps its core busy.
func spin(v int) int {
	spinFor(spinRounds())
	return v
}

const parallelItems = 100_000

func benchParallelMap(b *testing.B, order stream.Order) {
	s := stream.ParallelMap(stream.FromSlice(ints[:parallelItems]), 8, order,
		func(_ context.Context, v int) (int, error) { return spin(v), nil })
	sumEach(b, b.Context(), s)
}

func BenchmarkParallelMapInputOrder(b *testing.B)      { benchParallelMap(b, stream.InputOrder) }
func BenchmarkParallelMapCompletionOrder(b *testing.B) { benchParallelMap(b, stream.CompletionOrder) }

// BenchmarkParallelMapWorkerPool is the hand-written worker pool: a feeder
// goroutine, 8 workers, and channels in and out.
func BenchmarkParallelMapWorkerPool(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		in, out := make(chan int), make(chan int)
		go func() {
			defer close(in)
			for _, v := range ints[:parallelItems] {
				in <- v
			}
		}()
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for v := range in {
					out <- spin(v)
				}
			}()
		}
		go func() { wg.Wait(); close(out) }()
		total := 0
		for v := range out {
			total += v
		}
		sink = total
	}
}

var (
	incErr  = func(v int) (int, error) { return v + 1, nil }
	halfOdd = func(v int) (int, bool) { return v / 2, v%2 == 1 }
	tapped  int
	count   = func(int) { tapped++ }
)

// BenchmarkMapErrFilterMapTap runs MapErr, FilterMap and Tap over 1,000,000
// ints; BenchmarkMapErrFilterMapTapLoop is the loop calling the same
// functions.
func BenchmarkMapErrFilterMapTap(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := stream.FilterMap(stream.MapErr(stream.FromSlice(ints), incErr), halfOdd).Tap(count)
	sumEach(b, ctx, s)
}

func BenchmarkMapErrFilterMapTapLoop(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b.ReportAllocs()
	for b.Loop() {
		total := 0
		for _, v := range ints {
			if ctx.Err() != nil {
				break
			}
			v, err := incErr(v)
			if err != nil {
				break
			}
			v, ok := halfOdd(v)
			if !ok {
				continue
			}
			count(v)
			total += v
		}
		sink = total
	}
}

// BenchmarkRetryCatch runs a source through Retry and Catch that never fail:
// their cost on the values that pass, beside BenchmarkMapErrFilterMapTapLoop's
// plain loop over the same values.
func BenchmarkRetryCatch(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := stream.FromSlice(ints).Retry(stream.Backoff{Retries: 3}).Catch(func(error) stream.Stream[int] { return nil })
	sumEach(b, ctx, s)
}

// BenchmarkWindow runs Window(3, 3) over 1,000,000 ints: one slice per
// window; BenchmarkWindowLoop is the loop that makes the same slices.
func BenchmarkWindow(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := stream.Window(stream.FromSlice(ints), 3, 3)
	b.ReportAllocs()
	for b.Loop() {
		total := 0
		_ = s.ForEach(ctx, func(w []int) error { total += w[0]; return nil })
		sink = total
	}
}

func BenchmarkWindowLoop(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		total := 0
		for i := 0; i+3 <= len(ints); i += 3 {
			w := slices.Clone(ints[i : i+3])
			total += w[0]
		}
		sink = total
	}
}

const zipItems = 100_000

// BenchmarkZip zips two slices of 100,000 ints: bs runs in Zip's goroutine,
// one channel hop per pair. BenchmarkZipChannel is the hand-written version:
// a goroutine sending bs on an unbuffered channel, read in step with as.
func BenchmarkZip(b *testing.B) {
	ctx := context.Background()
	xs := ints[:zipItems]
	s := stream.Zip(stream.FromSlice(xs), stream.FromSlice(xs), func(a, b int) int { return a + b })
	sumEach(b, ctx, s)
}

func BenchmarkZipChannel(b *testing.B) {
	xs := ints[:zipItems]
	b.ReportAllocs()
	for b.Loop() {
		ch := make(chan int)
		go func() {
			defer close(ch)
			for _, v := range xs {
				ch <- v
			}
		}()
		total := 0
		for _, a := range xs {
			b, ok := <-ch
			if !ok {
				break
			}
			total += a + b
		}
		sink = total
	}
}

// sumEach runs s once per b.Loop iteration with ctx, summing its values into
// sink, and reports allocations.
func sumEach(b *testing.B, ctx context.Context, s stream.Stream[int]) {
	b.ReportAllocs()
	for b.Loop() {
		total := 0
		_ = s.ForEach(ctx, func(v int) error { total += v; return nil })
		sink = total
	}
}
