// Command demux-tcp sends thousands of concurrent requests over one TCP
// connection with package future/demux, to a server on loopback that answers
// them out of order, and checks that every reply reached its own caller.
//
// The server and the client run in this one process. Each request asks for
// the square of a number; the server answers each after a random delay of up
// to -delay, so that the replies come back in any order; the client's demux
// table matches them to the calls by ID. With -kill-after k the server drops
// the connection after its k-th reply, to show every pending call failing at
// once with the reason ("connection lost: unexpected EOF") and the requests
// not yet sent failing fast, instead of hanging.
//
//	go run ./examples/demux-tcp                        # 10,000 requests, 256 at a time
//	go run ./examples/demux-tcp -n 50000 -c 1024
//	go run ./examples/demux-tcp -kill-after 3000       # the server dies mid-flight
//	go run ./examples/demux-tcp -timeout 2ms           # deadlines shorter than some of the server's delays
//
// A progress line on stderr is updated in place when stderr is a terminal,
// and written as plain lines otherwise. The exit status is 1 if any request
// failed or a reply reached the wrong caller, 2 for bad flags. Ctrl-C stops
// the callers; the calls in flight fail with the cancellation.
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
	n         int           // requests to send
	c         int           // callers at once
	delay     time.Duration // the server's longest delay before a reply
	killAfter int           // the server drops the connection after this many replies; 0: never
	timeout   time.Duration // each request's deadline; 0: none
	progress  time.Duration // progress refresh interval; 0: no progress line
}

// parseFlags reads args into a config, reporting errors on stderr.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("demux-tcp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&c.n, "n", 10_000, "requests to send")
	fs.IntVar(&c.c, "c", 256, "concurrent callers sharing the one connection")
	fs.DurationVar(&c.delay, "delay", 5*time.Millisecond, "the server's longest random delay before a reply")
	fs.IntVar(&c.killAfter, "kill-after", 0, "the server drops the connection after this many replies (0: never)")
	fs.DurationVar(&c.timeout, "timeout", 0, "deadline of each request (0: none)")
	fs.DurationVar(&c.progress, "progress", 100*time.Millisecond, "progress refresh interval (0: no progress line)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if err := c.validate(fs.Args()); err != nil {
		fmt.Fprintln(stderr, "demux-tcp:", err)
		return c, err
	}
	return c, nil
}

// validate reports the first invalid value.
func (c config) validate(rest []string) error {
	switch {
	case len(rest) > 0:
		return fmt.Errorf("unexpected argument %q", rest[0])
	case c.n < 0:
		return errors.New("-n must not be negative")
	case c.c < 1:
		return errors.New("-c must be at least 1")
	case c.delay < 0:
		return errors.New("-delay must not be negative")
	case c.killAfter < 0:
		return errors.New("-kill-after must not be negative")
	case c.timeout < 0:
		return errors.New("-timeout must not be negative")
	case c.progress < 0:
		return errors.New("-progress must not be negative")
	}
	return nil
}

// run is the whole program; it returns the exit status once every goroutine
// it started has ended.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	srv, err := startServer(cfg.delay, cfg.killAfter)
	if err != nil {
		fmt.Fprintln(stderr, "demux-tcp:", err)
		return 1
	}
	defer srv.stop()
	var tally tally
	stopProgress := tally.show(stderr, cfg.progress, cfg.n)
	err = load(ctx, srv.addr(), cfg, &tally)
	stopProgress()
	if err != nil {
		fmt.Fprintln(stderr, "demux-tcp:", err)
		return 1
	}
	tally.print(stdout, cfg)
	if tally.failed() {
		return 1
	}
	return 0
}
