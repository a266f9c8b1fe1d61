package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/goresult/goresult/bench"
)

// status of a target.
type status int

const (
	notMeasured status = iota
	met
	missed
)

func (s status) String() string {
	return [...]string{"not measured", "**met**", "**missed**"}[s]
}

// verdict is one target and what the run showed.
type verdict struct {
	target string
	figure string
	status status
}

// peers are the libraries goresult is compared with (the hand-written
// approaches are not peers).
var peers = []string{"errgroup", "conc", "lo", "rxgo", "ro", "promise", "async"}

const us = "goresult"

// targets evaluates every target: what goresult should cost beside
// hand-written Go and its peers, set when the benchmarks were designed.
func targets(r *results) []verdict {
	var vs []verdict
	for _, id := range []string{"W1", "W2", "W3"} {
		vs = append(vs, withinTarget(r, id, 1.3, "goresult within 1.3x of hand-written"))
	}
	vs = append(vs, raceTarget(r))
	vs = append(vs, chainTarget(r))
	vs = append(vs, withinTarget(r, "W6", 1.5, "goresult within 1.5x of a hand-written merge of settled results that spawns nothing"))
	vs = append(vs, aheadTarget(r, "W6", peers, 4, "goresult at least 4x ahead of every peer"))
	vs = append(vs, withinTarget(r, "W7", 2, "goresult within 2x of a plain for loop"))
	vs = append(vs, aheadTarget(r, "W7", []string{"rxgo"}, 20, "goresult at least 20x ahead of rxgo"))
	vs = append(vs, withinTarget(r, "W8", 1.3, "goresult within 1.3x of a hand-written worker pool"))
	vs = append(vs, leakTarget(r))
	return vs
}

func workload(id string) bench.Workload {
	w, _ := bench.Lookup(id)
	return w
}

// withinTarget checks goresult's ratio to the baseline at every size.
func withinTarget(r *results, id string, limit float64, what string) verdict {
	w := workload(id)
	v := verdict{target: fmt.Sprintf("%s (%s): %s", id, w.Title, what)}
	var figs []string
	all := true
	for _, n := range r.sizes(w) {
		ratio, ok := r.ratio(key{id, n, us}, w.Baseline)
		if !ok {
			continue
		}
		figs = append(figs, fmt.Sprintf("N=%s %.2fx", count(n), ratio))
		all = all && ratio <= limit
	}
	return finish(v, figs, all)
}

// aheadTarget checks that every peer is at least factor times slower than
// goresult at every size.
func aheadTarget(r *results, id string, of []string, factor float64, what string) verdict {
	w := workload(id)
	v := verdict{target: fmt.Sprintf("%s (%s): %s", id, w.Title, what)}
	var figs []string
	all := true
	for _, n := range r.sizes(w) {
		if _, ok := r.get(key{id, n, us}, unitTime); !ok {
			continue
		}
		worst, worstName := 0.0, ""
		for _, p := range of {
			ahead, ok := r.ratio(key{id, n, p}, us)
			if ok && (worstName == "" || ahead < worst) {
				worst, worstName = ahead, p
			}
		}
		if worstName == "" {
			continue
		}
		figs = append(figs, fmt.Sprintf("N=%s %.1fx (closest: %s)", count(n), worst, worstName))
		all = all && worst >= factor
	}
	return finish(v, figs, all)
}

// raceTarget checks W4: within 1.5x of the hand-written race that joins its
// losers, with no loser running once it returns and nothing left behind.
func raceTarget(r *results) verdict {
	w := workload("W4")
	v := verdict{target: "W4 (race): goresult within 1.5x of a hand-written race that joins its losers, 0 goroutines alive once it returns"}
	var figs []string
	all := true
	for _, n := range r.sizes(w) {
		k := key{"W4", n, us}
		ratio, ok := r.ratio(k, w.Baseline)
		if !ok {
			continue
		}
		running, _ := r.get(k, w.GaugeUnit)
		left, _ := r.get(k, unitLeft+"/op")
		figs = append(figs, fmt.Sprintf("N=%s %.2fx, %g losers running, %g left", count(n), ratio, running.median, left.median))
		all = all && ratio <= 1.5 && running.max == 0 && left.max == 0
	}
	return finish(v, figs, all)
}

// chainTarget checks W5: three maps on a ready result at most 0.1x a
// goroutine per stage, starting no goroutine.
func chainTarget(r *results) verdict {
	v := verdict{target: "W5 (3-stage map chain on a ready value): goresult at most 0.1x of a goroutine per stage, starting no goroutine"}
	k := key{"W5", 1, us}
	ratio, ok := r.ratio(k, "hand")
	if !ok {
		v.figure = "TODO: no goresult column (ops.Map was not there when the report ran)"
		return v
	}
	started, _ := r.get(k, unitStarted)
	fig := fmt.Sprintf("%.3fx, %g goroutines/op", ratio, started.median)
	if rx, ok := r.ratio(key{"W5", 1, "rxgo"}, "hand"); ok {
		fig += fmt.Sprintf(" (rxgo: %.1fx)", rx)
	}
	return finish(v, []string{fig}, ratio <= 0.1 && started.max == 0)
}

// leakTarget checks that goresult leaves nothing behind, and names the peers
// that do.
func leakTarget(r *results) verdict {
	v := verdict{target: "goresult leaves no goroutine behind in any workload"}
	var ours, theirs []string
	for k, units := range r.stats {
		left, ok := units[unitLeft+"/op"]
		if !ok || left.max == 0 {
			continue
		}
		s := fmt.Sprintf("%s N=%s %s (%.0f/op)", k.w, count(k.n), k.a, left.median)
		if left.max != left.median { // some runs only: stragglers slower than the wait
			s = fmt.Sprintf("%s N=%s %s (%.0f/op median, up to %.0f)", k.w, count(k.n), k.a, left.median, left.max)
		}
		if k.a == us {
			ours = append(ours, s)
		} else {
			theirs = append(theirs, s)
		}
	}
	slices.Sort(ours)
	slices.Sort(theirs)
	fig := "goresult: none"
	if len(ours) > 0 {
		fig = "goresult: " + strings.Join(ours, "; ")
	}
	if len(theirs) > 0 {
		fig += ". Others: " + strings.Join(theirs, "; ")
	}
	v.figure, v.status = fig, met
	if len(ours) > 0 {
		v.status = missed
	}
	return v
}

func finish(v verdict, figs []string, all bool) verdict {
	if len(figs) == 0 {
		v.figure = "TODO: no goresult column in this run"
		return v
	}
	v.figure = strings.Join(figs, "; ")
	v.status = missed
	if all {
		v.status = met
	}
	return v
}

// count formats n with thousands separators.
func count(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
