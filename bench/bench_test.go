package bench_test

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/goresult/goresult/bench"
)

// settleTime bounds the wait for goroutines that are finishing before the
// ones left behind are counted.
const settleTime = time.Second

func BenchmarkW1(b *testing.B)  { benchmark(b, "W1") }
func BenchmarkW2(b *testing.B)  { benchmark(b, "W2") }
func BenchmarkW3(b *testing.B)  { benchmark(b, "W3") }
func BenchmarkW4(b *testing.B)  { benchmark(b, "W4") }
func BenchmarkW5(b *testing.B)  { benchmark(b, "W5") }
func BenchmarkW6(b *testing.B)  { benchmark(b, "W6") }
func BenchmarkW7(b *testing.B)  { benchmark(b, "W7") }
func BenchmarkW8(b *testing.B)  { benchmark(b, "W8") }
func BenchmarkW9(b *testing.B)  { benchmark(b, "W9") }
func BenchmarkW10(b *testing.B) { benchmark(b, "W10") }
func BenchmarkW11(b *testing.B) { benchmark(b, "W11") }

// benchmark runs every approach of workload id at every size, as
// sub-benchmarks named "N=<n>/<approach>".
func benchmark(b *testing.B, id string) {
	w, ok := bench.Lookup(id)
	if !ok {
		b.Fatalf("no workload %s", id)
	}
	for _, n := range sizes(w) {
		for _, a := range w.Approaches {
			b.Run(fmt.Sprintf("N=%d/%s", n, a.Name), func(b *testing.B) { measure(b, w, a, n) })
		}
	}
}

// sizes returns the sizes to run: the tiny one with -short, the huge ones
// too when FullEnv is set.
func sizes(w bench.Workload) []int {
	if testing.Short() {
		return []int{w.Short}
	}
	if os.Getenv(bench.FullEnv) != "" {
		return append(w.Sizes[:len(w.Sizes):len(w.Sizes)], w.Huge...)
	}
	return w.Sizes
}

// measure times one approach at size n, checks every answer, and reports the
// workload's gauge and the goroutines left behind.
func measure(b *testing.B, w bench.Workload, a bench.Approach, n int) {
	if a.Leaks && !fixedCount() {
		b.Skip("leaks goroutines on every operation; time it with -benchtime=<n>x (cmd/report does)")
	}
	if a.Leaks && n > bench.LeakLimit {
		b.Skip("leaks goroutines on every operation: too many at this size")
	}
	op := a.Prepare(n)
	want := w.Want(n)
	before := runtime.NumGoroutine()
	created := goroutinesCreated()
	b.ReportAllocs()
	var gauge int64
	for b.Loop() {
		if got := op(); got != want {
			b.Fatalf("%s %s N=%d: got %d, want %d", w.ID, a.Name, n, got, want)
		}
		if w.Gauge != nil {
			gauge += w.Gauge()
		}
	}
	b.ReportMetric(float64(goroutinesCreated()-created)/float64(b.N), "goroutines/op")
	if w.Gauge != nil {
		b.ReportMetric(float64(gauge)/float64(b.N), w.GaugeUnit)
	}
	left := bench.SettleGoroutines(before, settleTime)
	b.ReportMetric(float64(left), "goroutines-left")
}

// goroutinesCreated returns how many goroutines the program has started.
func goroutinesCreated() uint64 {
	s := []metrics.Sample{{Name: "/sched/goroutines-created:goroutines"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// fixedCount reports whether -benchtime is an iteration count ("100x").
func fixedCount() bool {
	f := flag.Lookup("test.benchtime")
	return f != nil && strings.HasSuffix(f.Value.String(), "x")
}
