// Command pipeline is a multi-stage data-processing pipeline built with
// package stream, written to be copied and adapted.
//
// It reads order records, one "id,customer,region,amount" line each (amount
// in the region's minor currency unit: cents, pence, or yen), and runs them
// through these stages:
//
//	feed (Retry) -> parse (FilterMap) -> enrich (ParallelMap, -workers at once)
//	     -> Filter -> convert to euros (MapErr) -> Batch -> aggregate
//
// The synthetic feed stands in for a remote one that drops its connection now
// and then (-drop-every): Retry reconnects with exponential backoff and
// jitter, and the feed resumes where it stopped. Malformed lines are counted
// and skipped (FilterMap). The enrichment stands in for a slow remote lookup
// (a few milliseconds, cancelled with the pipeline); the Filter drops refunds
// and internal test accounts; the conversion fails the run on an amount it
// cannot convert (MapErr); each batch is added to per-region totals in euros.
// A progress line on stderr is updated in place on a terminal, and written as
// plain lines elsewhere; the summary goes to stdout.
//
//	go run ./examples/pipeline                      # 2,000 synthetic records, about a second
//	go run ./examples/pipeline -n 500 -workers 4 -batch 50
//	go run ./examples/pipeline -in orders.csv        # or -in - to read stdin
//	go run ./examples/pipeline -timeout 200ms        # stops early and says so
//
// Ctrl-C or -timeout stops every stage and its goroutines; what was
// aggregated so far is printed, marked partial, and the exit status is 1.
// While it waits for stdin a read cannot be interrupted: a second Ctrl-C ends
// the program at once.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	context.AfterFunc(ctx, stop) // once stopping, a second Ctrl-C kills as usual
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// config holds the command line.
type config struct {
	n        int           // synthetic records to generate
	seed     uint64        // seed of the synthetic data set
	in       string        // input file, "-" for stdin, "" for synthetic data
	workers  int           // enrichment calls at once
	delay    time.Duration // mean time of one enrichment call
	batch    int           // records per batch
	timeout  time.Duration // 0 for none
	progress time.Duration // progress line refresh, 0 for none

	dropEvery int // the synthetic feed drops its connection after this many lines, 0 for never
}

// parseFlags reads args into a config. It reports every error on stderr:
// package flag prints its own, with the usage.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("pipeline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&c.n, "n", 2000, "number of synthetic records (without -in)")
	fs.Uint64Var(&c.seed, "seed", 1, "seed of the synthetic data set")
	fs.StringVar(&c.in, "in", "", `read records from this file ("-" for stdin) instead of generating them`)
	fs.IntVar(&c.workers, "workers", 8, "enrichment calls in flight at once")
	fs.DurationVar(&c.delay, "delay", 4*time.Millisecond, "mean duration of one simulated enrichment call")
	fs.IntVar(&c.batch, "batch", 100, "records per batch")
	fs.DurationVar(&c.timeout, "timeout", 0, "stop after this long (0: no limit)")
	fs.IntVar(&c.dropEvery, "drop-every", 500, "the synthetic feed drops its connection after this many lines (0: never); the pipeline reconnects")
	fs.DurationVar(&c.progress, "progress", 100*time.Millisecond, "progress line refresh interval (0: no progress line)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if err := c.validate(fs.Args()); err != nil {
		fmt.Fprintln(stderr, "pipeline:", err)
		return c, err
	}
	return c, nil
}

// validate reports the first invalid value, so that no stage panics on it.
func (c config) validate(rest []string) error {
	switch {
	case len(rest) > 0:
		return fmt.Errorf("unexpected argument %q", rest[0])
	case c.n < 0:
		return errors.New("-n must not be negative")
	case c.workers < 1:
		return errors.New("-workers must be at least 1")
	case c.delay < 0:
		return errors.New("-delay must not be negative")
	case c.batch < 1:
		return errors.New("-batch must be at least 1")
	case c.timeout < 0:
		return errors.New("-timeout must not be negative")
	case c.progress < 0:
		return errors.New("-progress must not be negative")
	case c.dropEvery < 0:
		return errors.New("-drop-every must not be negative")
	}
	return nil
}

// run is the whole program: it returns the exit status. Cancelling ctx stops
// the pipeline; run returns only once every goroutine it started has ended.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2 // already reported
	}
	lines, closeInput, err := openInput(cfg, stdin)
	if err != nil {
		fmt.Fprintln(stderr, "pipeline:", err)
		return 1
	}
	defer closeInput()

	if cfg.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, cfg.timeout, fmt.Errorf("timeout of %v reached", cfg.timeout))
		defer cancel()
	}
	var p progress
	stopProgress := p.show(ctx, stderr, cfg.progress, isTerminal(stderr))
	sum := newSummary()
	err = pipeline(lines, cfg, &p).ForEach(ctx, func(batch []Sale) error {
		sum.add(batch)
		p.kept.Add(int64(len(batch)))
		p.batches.Add(1)
		return nil
	})
	stopProgress()
	return report(err, sum, &p, stdout, stderr)
}

// report prints the summary and turns the pipeline's error into an exit status.
func report(err error, sum *summary, p *progress, stdout, stderr io.Writer) int {
	sum.print(stdout, p, err != nil)
	if err != nil {
		fmt.Fprintln(stderr, "pipeline: stopped:", err)
		return 1
	}
	return 0
}
