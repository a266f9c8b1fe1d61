package bench

import (
	"runtime"
	"time"
)

// FullEnv is the environment variable that adds each workload's Huge sizes
// (N = 1,000,000) to the benchmarks; cmd/report sets it for the full run.
const FullEnv = "GORESULT_BENCH_FULL"

// LeakLimit is the largest size at which an approach marked Leaks is run.
const LeakLimit = 10_000

// Op runs one operation of a workload and returns its answer, which the
// caller compares with [Workload.Want].
type Op func() int

// Approach is one way of writing a workload: by hand, with a peer library,
// or with goresult.
type Approach struct {
	Name string // short column name: "hand", "errgroup", "goresult", ...
	How  string // one line saying how it is written, for RESULTS.md

	// Leaks is true when the natural usage leaves goroutines blocked
	// forever on every operation. Such approaches are timed with a fixed,
	// small iteration count (their leaks would otherwise exhaust memory),
	// and the benchmarks skip them under a time-based -benchtime.
	Leaks bool

	// Prepare does the untimed setup for size n and returns the timed
	// operation. Inputs that an operation consumes are made inside it.
	Prepare func(n int) Op
}

// Workload is one of W1..W11: a task, its sizes, and the approaches to it.
type Workload struct {
	ID       string // "W1".."W11"
	Title    string
	Sizes    []int // sizes of every run
	Huge     []int // extra sizes of the full report run only
	Short    int   // the tiny size of the quick (-short) mode
	Baseline string
	Want     func(n int) int // the answer an operation of size n must return

	// Gauge, if set, is read after every operation and reported (averaged)
	// under the unit GaugeUnit: W4 reports the tasks still running when the
	// race has returned.
	Gauge     func() int64
	GaugeUnit string

	Approaches []Approach
}

// Workloads returns W1..W11, in order. goresult columns are included for the
// packages that exist.
func Workloads() []Workload {
	return []Workload{w1(), w2(), w3(), w4(), w5(), w6(), w7(), w8(), w9(), w10(), w11()}
}

// Lookup returns the workload with the given ID, and false if there is none.
func Lookup(id string) (Workload, bool) {
	for _, w := range Workloads() {
		if w.ID == id {
			return w, true
		}
	}
	return Workload{}, false
}

// SettleGoroutines waits until no more than want goroutines are alive, or
// until the deadline passes, polling runtime.NumGoroutine. It returns the
// number alive above want when it stopped (0 if the stragglers all exited).
// It lets goroutines that are merely finishing exit before leaks are counted.
func SettleGoroutines(want int, deadline time.Duration) int {
	stop := time.Now().Add(deadline)
	for {
		n := runtime.NumGoroutine()
		if n <= want || time.Now().After(stop) {
			return max(n-want, 0)
		}
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
}
