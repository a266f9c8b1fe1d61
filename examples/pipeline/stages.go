package main

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/goresult/goresult/stream"
)

// Sale is a record after enrichment.
type Sale struct {
	Record
	Segment string // "consumer", "business", or "internal" for test accounts
	EUR     int64  // amount in euro cents
}

// pipeline wires the stages, one line each. Nothing runs until a sink (here
// ForEach, in run) runs the returned stream; stopping the sink stops every
// stage and the goroutines ParallelMap started.
func pipeline(lines stream.Stream[string], cfg config, p *progress) stream.Stream[[]Sale] {
	records := parse(lines, p)
	// CompletionOrder: the totals do not depend on the order, so a slow lookup
	// does not hold back the ones after it. Use stream.InputOrder to keep it.
	sales := stream.ParallelMap(records, cfg.workers, stream.CompletionOrder, enrich(cfg.delay))
	kept := sales.Filter(func(s Sale) bool {
		keep := s.Amount > 0 && s.Segment != "internal"
		if !keep {
			p.filtered.Add(1)
		}
		return keep
	})
	return stream.Batch(kept, cfg.batch)
}

// parse is a custom stage: a Stream is a function, so a stage that is not in
// package stream is a function that runs its upstream with a yield of its
// own. This one counts malformed lines and skips them; to fail the whole
// run on one instead, return the error from the inner function.
func parse(lines stream.Stream[string], p *progress) stream.Stream[Record] {
	return func(ctx context.Context, yield func(Record) error) error {
		return lines(ctx, func(line string) error {
			if strings.TrimSpace(line) == "" {
				return nil
			}
			p.read.Add(1)
			r, err := parseLine(line)
			if err != nil {
				p.malformed.Add(1)
				return nil
			}
			return yield(r)
		})
	}
}

// enrich returns the enrichment step: it looks up the customer's segment and
// converts the amount to euros. It stands in for a remote call of about
// delay (between half and one and a half times delay, varying with the
// record) and returns early with ctx's error when the pipeline stops.
func enrich(delay time.Duration) func(context.Context, Record) (Sale, error) {
	return func(ctx context.Context, r Record) (Sale, error) {
		if err := sleep(ctx, delay/2+time.Duration(r.ID%5)*delay/4); err != nil {
			return Sale{}, err
		}
		return Sale{Record: r, Segment: segmentOf(r.Customer), EUR: r.Amount * regions[r.Region] / 1_000_000}, nil
	}
}

// segmentOf is the simulated lookup: customers c010, c020, ... are internal
// test accounts, every third other one is a business.
func segmentOf(customer string) string {
	n, _ := strconv.Atoi(strings.TrimPrefix(customer, "c"))
	switch {
	case n%10 == 0:
		return "internal"
	case n%3 == 0:
		return "business"
	}
	return "consumer"
}

// sleep waits for d, or returns ctx's error if ctx ends first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
