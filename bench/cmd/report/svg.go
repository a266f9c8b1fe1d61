package main

import (
	"fmt"
	"html"
	"math"
	"strings"

	"github.com/goresult/goresult/bench"
)

// Layout of the chart, in pixels.
const (
	chartWidth = 960
	plotLeft   = 190
	plotRight  = 880
	rowHeight  = 16
	groupGap   = 26
	topMargin  = 70
)

// colors of the approaches; the hand-written variants are grey.
var colors = map[string]string{
	"goresult": "#1a9850", "group": "#006837", "errgroup": "#4575b4", "conc": "#74add1",
	"lo": "#f46d43", "rxgo": "#d73027", "ro": "#984ea3",
	"promise": "#e7298a", "async": "#a6761d",
}

func color(name string) string {
	if c, ok := colors[name]; ok {
		return c
	}
	return "#969696"
}

// bar is one approach's ratio to the baseline in one group.
type bar struct {
	name  string
	ratio float64
}

// group is one workload at one size.
type group struct {
	title string
	bars  []bar
}

func groups(r *results) []group {
	var gs []group
	for _, w := range bench.Workloads() {
		for _, n := range r.sizes(w) {
			g := group{title: fmt.Sprintf("%s %s, N=%s", w.ID, w.Title, count(n))}
			if t, ok := r.get(key{w.ID, n, w.Baseline}, unitTime); ok {
				g.title += fmt.Sprintf(" (%s = 1x = %s)", w.Baseline, duration(t.median))
			}
			for _, a := range w.Approaches {
				if a.Name == w.Baseline {
					continue
				}
				if x, ok := r.ratio(key{w.ID, n, a.Name}, w.Baseline); ok && x > 0 {
					g.bars = append(g.bars, bar{a.Name, x})
				}
			}
			if len(g.bars) > 0 {
				gs = append(gs, g)
			}
		}
	}
	return gs
}

// chart renders results.svg: a horizontal bar per approach and group, from
// 1x (the baseline) to its ratio, on a log scale.
func chart(r *results) string {
	gs := groups(r)
	lo, hi := decades(gs)
	x := func(ratio float64) float64 {
		return plotLeft + (math.Log10(ratio)-lo)/(hi-lo)*(plotRight-plotLeft)
	}
	height := topMargin + 30
	for _, g := range gs {
		height += groupGap + len(g.bars)*rowHeight
	}
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="11">`+"\n",
		chartWidth, height, chartWidth, height)
	p(`<rect width="100%%" height="100%%" fill="white"/>` + "\n")
	p(`<text x="10" y="22" font-size="15" font-weight="bold">goresult and its peers: time per operation relative to hand-written Go (log scale)</text>` + "\n")
	p(`<text x="10" y="40" fill="#555">Left of the 1x line is faster than the hand-written baseline, right is slower. Medians; see RESULTS.md.</text>` + "\n")
	axis(&b, lo, hi, x, topMargin-8, height-20)
	y := topMargin
	for _, g := range gs {
		y += groupGap
		p(`<text x="10" y="%d" font-weight="bold">%s</text>`+"\n", y-8, html.EscapeString(g.title))
		for _, br := range g.bars {
			x0, x1 := x(1), x(br.ratio)
			left, width := math.Min(x0, x1), math.Max(math.Abs(x1-x0), 1)
			weight := "normal"
			if br.name == us {
				weight = "bold"
			}
			p(`<text x="%d" y="%d" text-anchor="end" font-weight="%s">%s</text>`+"\n", plotLeft-8, y+rowHeight-4, weight, html.EscapeString(br.name))
			p(`<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>`+"\n", left, y+2, width, rowHeight-4, color(br.name))
			label, anchor, lx := ratioLabel(br.ratio), "start", math.Max(x0, x1)+4
			if x1 < x0 {
				anchor, lx = "end", x1-4
			}
			p(`<text x="%.1f" y="%d" text-anchor="%s" fill="#333">%s</text>`+"\n", lx, y+rowHeight-4, anchor, label)
			y += rowHeight
		}
	}
	p("</svg>\n")
	return b.String()
}

// decades returns the log10 range of the chart: whole decades covering every
// ratio and 1x.
func decades(gs []group) (lo, hi float64) {
	lo, hi = 0, 0
	for _, g := range gs {
		for _, br := range g.bars {
			lo = math.Min(lo, math.Floor(math.Log10(br.ratio)))
			hi = math.Max(hi, math.Ceil(math.Log10(br.ratio)))
		}
	}
	if hi == lo {
		hi = lo + 1
	}
	return lo, hi
}

// axis draws a grid line and label at every decade, and a heavier one at 1x.
func axis(b *strings.Builder, lo, hi float64, x func(float64) float64, top, bottom int) {
	for d := lo; d <= hi; d++ {
		r := math.Pow(10, d)
		stroke, w := "#ddd", 1
		if d == 0 {
			stroke, w = "#333", 2
		}
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="%d"/>`+"\n", x(r), top, x(r), bottom, stroke, w)
		for _, y := range []int{top - 4, bottom + 12} {
			fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%s</text>`+"\n", x(r), y, ratioLabel(r))
		}
	}
}

func ratioLabel(r float64) string {
	switch {
	case r >= 100:
		return fmt.Sprintf("%.0fx", r)
	case r >= 10:
		return fmt.Sprintf("%.1fx", r)
	case r >= 0.1:
		return fmt.Sprintf("%.2fx", r)
	}
	return fmt.Sprintf("%.3gx", r)
}
