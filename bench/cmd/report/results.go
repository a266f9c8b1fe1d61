package main

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/goresult/goresult/bench"
	"golang.org/x/perf/benchfmt"
	"golang.org/x/perf/benchmath"
)

// The units read from the benchmarks.
const (
	unitTime    = "ns/op"
	unitBytes   = "B/op"
	unitAllocs  = "allocs/op"
	unitStarted = "goroutines/op"
	unitLeft    = "goroutines-left"
)

// key names one benchmark: workload, size, approach.
type key struct {
	w string
	n int
	a string
}

// stat is the summary of one unit of one benchmark over its repetitions.
type stat struct {
	median, lo, hi float64 // the median and its 95% confidence interval
	min, max       float64
	runs           int
}

// spread is the 95% confidence interval of the median as a percentage, as
// benchstat prints it; benchmath needs 6 runs for one, so with fewer it is
// the range of the runs instead, marked "range".
func (s stat) spread() string {
	if !math.IsInf(s.lo, 0) && !math.IsInf(s.hi, 0) {
		return "±" + benchmath.Summary{Center: s.median, Lo: s.lo, Hi: s.hi}.PctRangeString()
	}
	if s.median == 0 {
		return "range ±0%"
	}
	return fmt.Sprintf("range ±%.0f%%", 100*math.Max(s.max/s.median-1, 1-s.min/s.median))
}

// results holds every benchmark's summaries, by unit, and the machine.
type results struct {
	stats   map[key]map[string]stat
	header  []string // goos, cpu, ...
	samples int
}

func (r *results) get(k key, unit string) (stat, bool) {
	s, ok := r.stats[k][unit]
	return s, ok
}

// ratio returns the median time of k divided by that of base, the same
// workload and size.
func (r *results) ratio(k key, base string) (float64, bool) {
	t, ok1 := r.get(k, unitTime)
	b, ok2 := r.get(key{k.w, k.n, base}, unitTime)
	if !ok1 || !ok2 || b.median == 0 {
		return 0, false
	}
	return t.median / b.median, true
}

// readResults reads raw benchmark output and summarises it.
func readResults(path string) (*results, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	values := map[key]map[string][]float64{}
	rd := benchfmt.NewReader(f, path)
	for rd.Scan() {
		res, ok := rd.Result().(*benchfmt.Result)
		if !ok {
			continue
		}
		k, ok := parseName(res.Name)
		if !ok {
			continue
		}
		if values[k] == nil {
			values[k] = map[string][]float64{}
		}
		for _, v := range res.Values {
			unit, val := v.Unit, v.Value
			if v.OrigUnit != "" {
				unit, val = v.OrigUnit, v.OrigValue
			}
			if unit == unitLeft { // a total over the run: make it per operation
				unit, val = unitLeft+"/op", val/float64(res.Iters)
			}
			values[k][unit] = append(values[k][unit], val)
		}
	}
	if err := rd.Err(); err != nil {
		return nil, err
	}
	r := &results{stats: map[key]map[string]stat{}, header: readHeader(path)}
	for k, units := range values {
		r.stats[k] = map[string]stat{}
		for unit, vs := range units {
			r.stats[k][unit] = summarise(vs)
			r.samples = max(r.samples, len(vs))
		}
	}
	if len(r.stats) == 0 {
		return nil, fmt.Errorf("no benchmark results in %s", path)
	}
	return r, nil
}

func summarise(vs []float64) stat {
	s := benchmath.NewSample(vs, &benchmath.DefaultThresholds) // sorts vs
	sum := benchmath.AssumeNothing.Summary(s, 0.95)
	return stat{median: sum.Center, lo: sum.Lo, hi: sum.Hi, min: vs[0], max: vs[len(vs)-1], runs: len(vs)}
}

// parseName splits "BenchmarkW3/N=100/lo-2" into its key.
func parseName(name benchfmt.Name) (key, bool) {
	base, parts := name.Parts()
	w := strings.TrimPrefix(string(base), "Benchmark") // benchfmt strips it
	if len(parts) < 2 {
		return key{}, false
	}
	nStr, ok := strings.CutPrefix(string(parts[0]), "/N=")
	if !ok {
		return key{}, false
	}
	n, err := strconv.Atoi(nStr)
	if err != nil {
		return key{}, false
	}
	return key{w: w, n: n, a: strings.TrimPrefix(string(parts[1]), "/")}, true
}

// readHeader returns the "key: value" lines at the top of the raw output.
func readHeader(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var h []string
	for _, line := range strings.Split(string(data), "\n") {
		if isHeader(line) {
			h = append(h, line)
		}
	}
	return h
}

// sizes returns the sizes of w that have results, in order.
func (r *results) sizes(w bench.Workload) []int {
	var ns []int
	for _, n := range append(w.Sizes[:len(w.Sizes):len(w.Sizes)], w.Huge...) {
		for _, a := range w.Approaches {
			if _, ok := r.get(key{w.ID, n, a.Name}, unitTime); ok {
				ns = append(ns, n)
				break
			}
		}
	}
	return ns
}
