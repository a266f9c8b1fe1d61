package bench_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/goresult/goresult/bench"
)

// TestWorkloads is the quick mode: every approach of every workload runs
// once at the workload's tiny size, and must return the right answer and
// leave goroutines behind exactly when it is marked Leaks.
func TestWorkloads(t *testing.T) {
	for _, w := range bench.Workloads() {
		for _, a := range w.Approaches {
			t.Run(fmt.Sprintf("%s/%s", w.ID, a.Name), func(t *testing.T) {
				before := runtime.NumGoroutine()
				got := a.Prepare(w.Short)()
				if want := w.Want(w.Short); got != want {
					t.Errorf("got %d, want %d", got, want)
				}
				deadline := 5 * time.Second
				if a.Leaks {
					deadline = 200 * time.Millisecond
				}
				left := bench.SettleGoroutines(before, deadline)
				switch {
				case a.Leaks && left == 0:
					t.Errorf("marked Leaks, but left no goroutine behind")
				case !a.Leaks && left != 0:
					t.Errorf("left %d goroutines behind", left)
				}
			})
		}
	}
}

// TestWorkloadTable checks that every workload names a baseline it has, and
// that approach names are unique.
func TestWorkloadTable(t *testing.T) {
	for _, w := range bench.Workloads() {
		seen := map[string]bool{}
		for _, a := range w.Approaches {
			if seen[a.Name] {
				t.Errorf("%s: approach %q twice", w.ID, a.Name)
			}
			seen[a.Name] = true
			if a.Prepare == nil || a.How == "" {
				t.Errorf("%s/%s: missing Prepare or How", w.ID, a.Name)
			}
		}
		if !seen[w.Baseline] {
			t.Errorf("%s: baseline %q is not one of its approaches", w.ID, w.Baseline)
		}
		if w.Want == nil || len(w.Sizes) == 0 || w.Short <= 0 {
			t.Errorf("%s: missing Want, Sizes or Short", w.ID)
		}
	}
}
