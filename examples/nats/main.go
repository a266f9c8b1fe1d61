// Command nats shows goresult's results across machines on NATS: requests
// become results that compose with ops.Race and ops.Merge, replies from
// many responders are gathered as a stream, and a stream.ParallelMap stage
// is served by workers in a queue group.
//
// By default it starts an embedded nats-server on a random loopback port,
// and its workers are goroutines with connections of their own; -procs
// runs them as processes of their own instead (this program, re-executed
// with -role worker); -url uses a real server or cluster.
//
// It is a module of its own (only it and natsdemux need NATS), so run it
// from its directory:
//
//	cd examples/nats
//	go run .                                  # embedded server, 3 worker goroutines
//	go run . -procs -workers 4                # 4 worker processes
//	go run . -url nats://127.0.0.1:4222 -n 20000
//
// It runs four steps: a quote asked of three replicas and raced (the
// losers are cancelled on their workers, with ops.ErrLost as the cause);
// the same merged as they complete; a stock count gathered from every
// warehouse; and -n items enriched by the "enrich" workers through
// natsdemux.Remote, with a progress line on stderr (rewritten in place on
// a terminal). Ctrl-C stops everything; the exit status is then 1.
package main

import (
	"context"
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
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// config holds the command line.
type config struct {
	url      string        // "" for an embedded server
	n        int           // items through the ParallelMap stage
	workers  int           // "enrich" workers in the queue group
	perProc  int           // requests each worker runs at once
	inflight int           // ParallelMap's requests in flight
	procs    bool          // workers as processes
	role     string        // "" for the demo, "worker" for a worker process
	id       int           // a worker process's number
	progress time.Duration // 0 for no progress line
}

// parseFlags reads args into a config; package flag reports errors.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("nats", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.url, "url", "", "NATS server URL (empty: start an embedded server)")
	fs.IntVar(&c.n, "n", 2000, "items for the ParallelMap stage")
	fs.IntVar(&c.workers, "workers", 3, `"enrich" workers in the queue group`)
	fs.IntVar(&c.perProc, "per-worker", 8, "requests each worker runs at once")
	fs.IntVar(&c.inflight, "inflight", 64, "requests the ParallelMap stage keeps in flight")
	fs.BoolVar(&c.procs, "procs", false, "run the workers as processes instead of goroutines")
	fs.StringVar(&c.role, "role", "", `internal: "worker" to run as a worker process`)
	fs.IntVar(&c.id, "id", 0, "internal: the worker process's number")
	fs.DurationVar(&c.progress, "progress", 100*time.Millisecond, "progress line refresh (0: none)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	switch {
	case c.n < 0 || c.workers < 1 || c.perProc < 1 || c.inflight < 1:
		err := fmt.Errorf("-n must be >= 0, and -workers, -per-worker, -inflight >= 1")
		fmt.Fprintln(stderr, "nats:", err)
		return c, err
	case c.role != "" && c.role != "worker":
		err := fmt.Errorf("unknown -role %q", c.role)
		fmt.Fprintln(stderr, "nats:", err)
		return c, err
	}
	return c, nil
}

// run is the program, with its exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	c, err := parseFlags(args, stderr)
	if err != nil {
		return 2
	}
	if c.role == "worker" {
		err = serveProcess(ctx, c)
	} else {
		err = demo(ctx, c, stdout, stderr)
	}
	if err != nil {
		fmt.Fprintln(stderr, "nats:", err)
		return 1
	}
	return 0
}
