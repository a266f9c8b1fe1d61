package main

import (
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/goresult/goresult/bench"
)

// markdown renders RESULTS.md.
func markdown(r *results, c config) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# goresult benchmarks\n\n")
	p("goresult beside hand-written Go and its peers, measured in one run on one machine.\n")
	p("Regenerate with `cd bench && go run ./cmd/report` (about twelve minutes on 2 cores; `-h` for the flags).\n\n")
	p("- Run: %s, %s, GOMAXPROCS=%d", time.Now().UTC().Format("2006-01-02"), runtime.Version(), runtime.GOMAXPROCS(0))
	for _, h := range r.header {
		if strings.HasPrefix(h, "cpu:") || strings.HasPrefix(h, "goos:") || strings.HasPrefix(h, "goarch:") {
			p(", %s", h)
		}
	}
	p(".\n- Each figure is the median of %d runs (`-count %d`, `-benchtime %s`); the spread is the 95%% confidence interval\n", r.samples, c.count, c.benchtime)
	p("  of the median (golang.org/x/perf/benchmath, as benchstat prints it) from 6 runs on, and the range of the runs below that.\n")
	p("  The raw output is in [results.txt](results.txt) (benchstat reads it). Other work shared the 2 cores during the run: expect noise.\n")
	p("- Approaches whose natural usage leaks goroutines on every operation run %d iterations each, in a process of their own.\n", c.leakIters)
	p("- *goroutines/op* counts goroutines started per operation (runtime/metrics); *left/op* counts those still alive\n")
	p("  after the benchmark, once stragglers had up to a second to exit: a leak.\n")
	p("- The two generic promise libraries are pinned at the last versions the module proxy serves: github.com/chebyrash/promise\n")
	p("  at v0.0.0-20230709133807-42ec49ba1459 (column *promise*; its last commit, `@latest` does not resolve) and\n")
	p("  github.com/reugn/async at v0.10.0 (column *async*; v0.11 and later do not resolve).\n")
	p("- W3 and W7 have no *promise* or *async* column: neither library has an as-completed operator (chebyrash/promise\n")
	p("  combines with All and Race, reugn/async with FutureSeq and FutureFirstCompletedOf) or a stream type, and a\n")
	p("  channel written by hand around their futures would measure the hand-written code, not the library.\n")
	p("- chebyrash/promise imports github.com/panjf2000/ants, whose package init starts a default pool of two goroutines\n")
	p("  that live as long as the process; they exist before any benchmark starts, so they are not counted as left behind.\n\n")
	p("![ratio of each approach to hand-written Go, log scale](results.svg)\n\n")

	p("## Targets\n\nWhat goresult should cost beside hand-written Go and its peers, set when these benchmarks were designed\n")
	p("(checked by cmd/report/targets.go).\n\n| target | figure | status |\n|---|---|---|\n")
	for _, v := range targets(r) {
		p("| %s | %s | %s |\n", v.target, v.figure, v.status)
	}
	p("\n")
	whyMissed(p)
	calibration(r, p)
	for _, w := range bench.Workloads() {
		workloadSection(r, w, p)
	}
	return b.String()
}

// whyMissed says, from the CPU and allocation profiles taken when the
// targets were last worked on (go test -cpuprofile/-memprofile on the
// workload, go tool pprof -top -cum), why the end-to-end targets are missed.
// It is prose, not a measurement of this run: update it with the profiles.
func whyMissed(p func(string, ...any)) {
	p("### Why the end-to-end targets are missed\n\n")
	p("From the profiles of W2 and W4 (`go test -run '^$' -bench 'W2/N=100/group$' -cpuprofile`, `go tool pprof -top -cum`):\n\n")
	p("- Creating and scheduling the goroutines is about 40%% of a task's time, as in the hand-written version: that part is shared.\n")
	p("- A task allocates three objects where the hand-written goroutine allocates one: the function given to `future.Go`, the\n")
	p("  `Task`, and the goroutine's closure (a `go` statement always allocates its closure, so the last two cannot merge). With\n")
	p("  the write barriers and GC that follow, that is about a quarter of a task's time; settling the `Task` (its mutex and\n")
	p("  state) is about 8%%.\n")
	p("- W4 gives every task a context of its own, which the hand-written race does not (it shares one): a cancel context, its\n")
	p("  cancel function and its Done channel per task, and a wake-up per loser, about 30%% of the time. The Group's contexts are\n")
	p("  detached from the group context's children, about 30%% cheaper than `context.WithCancelCause` under it, not more.\n")
	p("- At N = 1 the fixed costs dominate: W3's `ResultsToChannel` (its waiter list and wake channel) and W4's `NewGroup` and\n")
	p("  `Race` cost a few allocations each, once per call.\n\n")
}

// calibration compares the run with the figures quoted when the targets were set.
func calibration(r *results, p func(string, ...any)) {
	p("## Calibration against the figures quoted when the targets were set\n\n| quoted | this run |\n|---|---|\n")
	if s, ok := r.get(key{"W1", 1, "hand"}, unitTime); ok {
		p("| a goroutine handing back one value: about 0.45 us | %.2f us (W1 hand) |\n", s.median/1000)
	}
	if s, ok := r.get(key{"W2", 10_000, "hand"}, unitTime); ok {
		p("| about 0.25 us a task at N=10,000 | %.2f us (W2 hand) |\n", s.median/1000/10_000)
	}
	p("| errgroup and conc within 1.0-1.3x of hand-written | %s |\n", ratioRange(r, []string{"errgroup", "conc"}, "W1", "W2", "W3"))
	p("| rxgo 3-12x | %s |\n", ratioRange(r, []string{"rxgo"}, "W1", "W2", "W3"))
	p("| ro 2-12x | %s |\n", ratioRange(r, []string{"ro"}, "W1", "W2", "W3"))
	a, ok1 := r.get(key{"W6", 10_000, "hand"}, unitTime)
	g, ok2 := r.get(key{"W6", 10_000, "hand-goroutines"}, unitTime)
	if ok1 && ok2 {
		p("| a ready result merged without a goroutine: about 40 ns an item, 240 ns with one | %.0f ns and %.0f ns (W6 hand and hand-goroutines, N=10,000) |\n",
			a.median/10_000, g.median/10_000)
	}
	a, ok1 = r.get(key{"W5", 1, "hand-inline"}, unitTime)
	g, ok2 = r.get(key{"W5", 1, "hand"}, unitTime)
	if ok1 && ok2 {
		p("| three maps inline on a ready value: 5 ns, 1.2 us with a goroutine per stage | %.1f ns and %.2f us (W5) |\n", a.median, g.median/1000)
	}
	p("\n")
}

// ratioRange gives the smallest and largest ratio to hand-written of the
// named approaches over the workloads' sizes.
func ratioRange(r *results, names []string, ids ...string) string {
	lo, hi, any := 0.0, 0.0, false
	for _, id := range ids {
		w := workload(id)
		for _, n := range r.sizes(w) {
			for _, a := range names {
				x, ok := r.ratio(key{id, n, a}, w.Baseline)
				if !ok {
					continue
				}
				if !any || x < lo {
					lo = x
				}
				if !any || x > hi {
					hi = x
				}
				any = true
			}
		}
	}
	if !any {
		return "not measured"
	}
	return fmt.Sprintf("%.2f-%.2fx (W1-W3, all N)", lo, hi)
}

// workloadSection renders one workload: how each approach is written, then a
// table per size.
func workloadSection(r *results, w bench.Workload, p func(string, ...any)) {
	p("## %s: %s\n\n| approach | how it is written |\n|---|---|\n", w.ID, w.Title)
	for _, a := range w.Approaches {
		leak := ""
		if a.Leaks {
			leak = " **Leaks goroutines on every operation.**"
		}
		p("| %s | %s.%s |\n", a.Name, a.How, leak)
	}
	if !hasApproach(w, us) {
		p("| goresult | TODO: %s |\n", todo(w.ID))
	}
	p("\n")
	for _, n := range r.sizes(w) {
		p("### %s, N = %s\n\n", w.ID, count(n))
		p("| approach | time/op | spread | vs %s | B/op | allocs/op | goroutines/op | left/op |", w.Baseline)
		sep := "|---|--:|--:|--:|--:|--:|--:|--:|"
		if w.Gauge != nil {
			p(" %s |", w.GaugeUnit)
			sep += "--:|"
		}
		p("\n%s\n", sep)
		for _, a := range w.Approaches {
			row(r, w, a, n, p)
		}
		p("\n")
	}
}

func row(r *results, w bench.Workload, a bench.Approach, n int, p func(string, ...any)) {
	k := key{w.ID, n, a.Name}
	t, ok := r.get(k, unitTime)
	name := a.Name
	if a.Name == us {
		name = "**goresult**"
	}
	if !ok {
		why := "not run"
		if a.Leaks && n > bench.LeakLimit {
			why = "not run: leaks too much at this size"
		}
		p("| %s | %s | | | | | | |", name, why)
		if w.Gauge != nil {
			p(" |")
		}
		p("\n")
		return
	}
	ratio, _ := r.ratio(k, w.Baseline)
	by, _ := r.get(k, unitBytes)
	al, _ := r.get(k, unitAllocs)
	st, _ := r.get(k, unitStarted)
	left, _ := r.get(k, unitLeft+"/op")
	p("| %s | %s | %s | %.2fx | %.0f | %.0f | %s | %s |", name, duration(t.median), t.spread(), ratio,
		by.median, al.median, num(st.median), num(left.median))
	if w.Gauge != nil {
		g, _ := r.get(k, w.GaugeUnit)
		p(" %s |", num(g.median))
	}
	p("\n")
}

func hasApproach(w bench.Workload, name string) bool {
	for _, a := range w.Approaches {
		if a.Name == name {
			return true
		}
	}
	return false
}

func todo(id string) string {
	switch id {
	case "W5":
		return "ops.Map was not in the library when this report ran"
	case "W7":
		return "stream.Map and stream.Filter were not in the library when this report ran"
	case "W8":
		return "stream.ParallelMap was not in the library when this report ran"
	}
	return "no goresult column"
}

// duration formats nanoseconds with a unit that keeps 3 significant digits.
func duration(ns float64) string {
	switch {
	case ns < 1e3:
		return fmt.Sprintf("%.3g ns", ns)
	case ns < 1e6:
		return fmt.Sprintf("%.3g us", ns/1e3)
	case ns < 1e9:
		return fmt.Sprintf("%.3g ms", ns/1e6)
	}
	return fmt.Sprintf("%.3g s", ns/1e9)
}

func num(x float64) string {
	if x == float64(int64(x)) {
		return fmt.Sprint(int64(x))
	}
	return fmt.Sprintf("%.2f", x)
}
