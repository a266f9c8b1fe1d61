package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"time"

	"github.com/goresult/goresult/future/demux/natsdemux"
	"github.com/nats-io/nats.go"
)

// fleet runs workers, each on a connection of its own, until stop.
type fleet struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
	mu     sync.Mutex
	errs   []error
}

func newFleet(ctx context.Context) (*fleet, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &fleet{cancel: cancel}, ctx
}

// serve connects to url and runs w in a goroutine; it returns once w's
// subscriptions are in place.
func serve[T, R any](ctx context.Context, f *fleet, url string, w natsdemux.Worker[T, R]) error {
	nc, err := nats.Connect(url)
	if err != nil {
		return err
	}
	ready := make(chan struct{})
	w.Started = func() { close(ready) }
	done := make(chan struct{})
	f.wg.Go(func() {
		defer nc.Close()
		defer close(done)
		if err := w.Serve(ctx, nc); !errors.Is(err, context.Canceled) {
			f.fail(err)
		}
	})
	select {
	case <-ready:
		return nil
	case <-done:
		return fmt.Errorf("worker on %s stopped before it started", w.Subject)
	}
}

// process starts worker process number id (this program, re-executed with
// -role worker) and returns once it says it is ready.
func (f *fleet) process(ctx context.Context, url string, id, n int) error {
	cmd := exec.CommandContext(ctx, os.Args[0], "-role", "worker", "-url", url, "-id", strconv.Itoa(id), "-per-worker", strconv.Itoa(n))
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	f.wg.Go(func() {
		if err := cmd.Wait(); err != nil && ctx.Err() == nil {
			f.fail(fmt.Errorf("worker process %d: %w", id, err))
		}
	})
	if err != nil || line != "ready\n" {
		return fmt.Errorf("worker process %d did not start: %q, %v", id, line, err)
	}
	return nil
}

func (f *fleet) fail(err error) {
	f.mu.Lock()
	f.errs = append(f.errs, err)
	f.mu.Unlock()
}

// stop stops every worker, waits for them and returns their errors.
func (f *fleet) stop() error {
	f.cancel()
	f.wg.Wait()
	return errors.Join(f.errs...)
}

// serveProcess is a worker process: it serves "enrich" until ctx ends.
func serveProcess(ctx context.Context, c config) error {
	nc, err := nats.Connect(c.url)
	if err != nil {
		return err
	}
	defer nc.Close()
	w := enricher(c.id, c.perProc)
	w.Started = func() { fmt.Println("ready") }
	if err := w.Serve(ctx, nc); !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}
