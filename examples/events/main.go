// Command events is an event-driven program built with package stream.
//
// Events come from four sources running at once: a heartbeat on a ticker,
// two simulated temperature sensors, and user actions sent on a channel by a
// goroutine. They are merged into one stream (Merge), implausible sensor
// readings are dropped (Filter), and one run of the rest is read by two
// consumers (Share): one handles them in batches gathered over a short
// window (BatchTime), the other prints the latest reading at most once a
// -status (Throttle):
//
//	heartbeat, sensor-a, sensor-b, users -> Merge -> TakeUntil -> Filter -> Share -> BatchTime -> batch lines
//	                                                                              -> Throttle  -> status lines
//
// It prints a line per batch, status lines and a final count, and stops by
// itself after -duration, or earlier on Ctrl-C. Either way it shuts down
// gracefully (TakeUntil): the sources stop, the events already accepted are
// still batched and handled, and every goroutine has ended when it exits. A
// second Ctrl-C ends it at once.
//
//	go run ./examples/events                        # about two seconds
//	go run ./examples/events -duration 10s -window 500ms -batch 8
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
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// config holds the command line.
type config struct {
	duration  time.Duration // run this long, then stop
	heartbeat time.Duration // heartbeat interval
	window    time.Duration // longest wait to fill a batch
	status    time.Duration // shortest time between status lines
	batch     int           // most events per batch
	seed      uint64        // seed of the simulated sensors and users
}

// parseFlags reads args into a config. It reports every error on stderr:
// package flag prints its own, with the usage.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("events", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.DurationVar(&c.duration, "duration", 2*time.Second, "stop after this long")
	fs.DurationVar(&c.heartbeat, "heartbeat", 500*time.Millisecond, "heartbeat interval")
	fs.DurationVar(&c.window, "window", 250*time.Millisecond, "longest time a batch waits to fill")
	fs.IntVar(&c.batch, "batch", 32, "most events per batch")
	fs.DurationVar(&c.status, "status", time.Second, "shortest time between status lines")
	fs.Uint64Var(&c.seed, "seed", 1, "seed of the simulated sensors and users")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if err := c.validate(fs.Args()); err != nil {
		fmt.Fprintln(stderr, "events:", err)
		return c, err
	}
	return c, nil
}

// validate reports the first invalid value, so that no stage panics on it.
func (c config) validate(rest []string) error {
	switch {
	case len(rest) > 0:
		return fmt.Errorf("unexpected argument %q", rest[0])
	case c.duration <= 0:
		return errors.New("-duration must be positive")
	case c.heartbeat <= 0:
		return errors.New("-heartbeat must be positive")
	case c.window <= 0:
		return errors.New("-window must be positive")
	case c.batch < 1:
		return errors.New("-batch must be at least 1")
	case c.status <= 0:
		return errors.New("-status must be positive")
	}
	return nil
}

// run is the whole program: it returns the exit status. When ctx ends, or
// -duration has passed, the sources stop and run drains what they sent; it
// returns only once every goroutine it started has ended.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2 // already reported
	}
	stop, cancel := context.WithTimeoutCause(ctx, cfg.duration, fmt.Errorf("%v elapsed", cfg.duration))
	defer cancel()
	h := newHandler()
	// The stream runs with a context that ctx's end does not cancel: stop
	// ends the sources (TakeUntil), and the chain then ends by itself once
	// it has handled what they sent. Pass ctx itself to stop at once instead.
	err = pipeline(stop, cfg, h).ForEach(context.WithoutCancel(ctx), func(line string) error {
		_, err := fmt.Fprintln(stdout, line)
		return err
	})
	h.printTotals(stdout)
	if err != nil {
		fmt.Fprintln(stderr, "events:", err)
		return 1
	}
	fmt.Fprintln(stdout, "stopped:", context.Cause(stop))
	return 0
}
