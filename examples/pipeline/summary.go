package main

import (
	"fmt"
	"io"
	"slices"

	"github.com/samber/lo"
)

// summary aggregates the batches. Only the sink's goroutine touches it.
type summary struct {
	orders map[string]int   // per region
	eur    map[string]int64 // euro cents per region
}

func newSummary() *summary {
	return &summary{orders: map[string]int{}, eur: map[string]int64{}}
}

// add adds one batch to the totals, as a database write of the batch would.
func (s *summary) add(batch []Sale) {
	for region, sales := range lo.GroupBy(batch, func(x Sale) string { return x.Region }) {
		s.orders[region] += len(sales)
		s.eur[region] += lo.SumBy(sales, func(x Sale) int64 { return x.EUR })
	}
}

// print writes the counts and the per-region table to w. A partial summary
// (the run was stopped) says so.
func (s *summary) print(w io.Writer, p *progress, partial bool) {
	if partial {
		fmt.Fprintln(w, "PARTIAL: the run was stopped before the end of its input")
	}
	fmt.Fprintf(w, "records: %d read, %d malformed, %d filtered out, %d kept in %d batches\n",
		p.read.Load(), p.malformed.Load(), p.filtered.Load(), p.kept.Load(), p.batches.Load())
	fmt.Fprintf(w, "%-6s %8s %14s\n", "region", "orders", "total EUR")
	regions := lo.Keys(s.orders)
	slices.Sort(regions)
	for _, r := range regions {
		fmt.Fprintf(w, "%-6s %8d %14s\n", r, s.orders[r], euros(s.eur[r]))
	}
	fmt.Fprintf(w, "%-6s %8d %14s\n", "all", lo.Sum(lo.Values(s.orders)), euros(lo.Sum(lo.Values(s.eur))))
}

// euros formats cents as euros with two decimals.
func euros(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return fmt.Sprintf("%s%d.%02d", sign, cents/100, cents%100)
}
