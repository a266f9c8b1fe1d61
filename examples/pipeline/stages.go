package main

import (
	"context"
	"errors"
	"fmt"
	"math"
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

// reconnect is the retry policy for a dropped feed: up to 3 attempts in a
// row, waiting about 20ms, 40ms, 80ms (up to a second) with jitter, so that
// many clients dropped at once do not reconnect at once. A reconnection that
// delivers a line starts the count again: a feed may drop many times over a
// long run.
var reconnect = stream.Backoff{
	Retries:      3,
	Delay:        20 * time.Millisecond,
	Multiplier:   2,
	MaxDelay:     time.Second,
	Jitter:       0.5,
	ResetOnValue: true,
}

// pipeline wires the stages, one line each. Nothing runs until a sink (here
// ForEach, in run) runs the returned stream; stopping the sink stops every
// stage and the goroutines ParallelMap started.
func pipeline(lines stream.Stream[string], cfg config, p *progress) stream.Stream[[]Sale] {
	policy := reconnect
	policy.Retryable = func(err error) bool { // only a dropped connection is worth a retry
		dropped := errors.Is(err, errDropped)
		if dropped {
			p.reconnects.Add(1)
		}
		return dropped
	}
	records := stream.FilterMap(lines.Retry(policy), parse(p))
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
	return stream.Batch(stream.MapErr(kept, toEUR), cfg.batch)
}

// parse returns the parsing step: it counts the lines read and the malformed
// ones, and drops those (FilterMap drops a value when its function reports
// false). To fail the whole run on a malformed line instead, use
// stream.MapErr with parseLine.
func parse(p *progress) func(string) (Record, bool) {
	return func(line string) (Record, bool) {
		if strings.TrimSpace(line) == "" {
			return Record{}, false
		}
		p.read.Add(1)
		r, err := parseLine(line)
		if err != nil {
			p.malformed.Add(1)
			return Record{}, false
		}
		return r, true
	}
}

// enrich returns the enrichment step: it looks up the customer's segment. It
// stands in for a remote call of about delay (between half and one and a
// half times delay, varying with the record) and returns early with ctx's
// error when the pipeline stops.
func enrich(delay time.Duration) func(context.Context, Record) (Sale, error) {
	return func(ctx context.Context, r Record) (Sale, error) {
		if err := sleep(ctx, delay/2+time.Duration(r.ID%5)*delay/4); err != nil {
			return Sale{}, err
		}
		return Sale{Record: r, Segment: segmentOf(r.Customer)}, nil
	}
}

// toEUR converts a sale's amount to euro cents (rounded toward zero). It
// fails, and with it the run, for a region without a rate or an amount too
// large to convert: an order is never dropped or wrapped around in silence.
func toEUR(s Sale) (Sale, error) {
	rate, ok := microEURPerMinorUnit[s.Region]
	if !ok {
		return Sale{}, fmt.Errorf("order %d: no exchange rate for region %q", s.ID, s.Region)
	}
	if s.Amount > math.MaxInt64/rate || s.Amount < math.MinInt64/rate {
		return Sale{}, fmt.Errorf("order %d: amount %d too large to convert", s.ID, s.Amount)
	}
	s.EUR = s.Amount * rate / microEURPerCent
	return s, nil
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
