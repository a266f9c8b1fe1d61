package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"

	"github.com/goresult/goresult/future/demux"
)

// load sends cfg.n requests over one connection to addr, cfg.c at a time,
// and records every outcome in t. It returns an error only if it cannot
// connect; it returns once every caller has.
func load(ctx context.Context, addr string, cfg config, t *tally) error {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	client := demux.NewClient(conn, codec{}, demux.MaxInFlight(cfg.c))
	defer client.Close()
	var next atomic.Int64 // the next request to send
	var wg sync.WaitGroup
	for range cfg.c {
		wg.Go(func() {
			for {
				x := int(next.Add(1)) - 1
				if x >= cfg.n || !call(ctx, client, x, cfg, t) {
					return
				}
			}
		})
	}
	wg.Wait()
	t.late.Store(client.Stats().Late)
	return nil
}

// call sends one request and records its outcome. It reports whether the
// caller should go on: not once the connection is gone.
func call(ctx context.Context, client *demux.Client[Request, Reply], x int, cfg config, t *tally) bool {
	if cfg.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.timeout)
		defer cancel()
	}
	c, err := client.Go(ctx, Request{X: x})
	if err != nil {
		t.fail(err)
		return !errors.Is(err, demux.ErrClosed) && !errors.Is(err, demux.ErrConnLost) && ctx.Err() == nil
	}
	t.sent.Add(1)
	reply, err := c.Await(ctx)
	switch {
	case err != nil && !c.IsDone(): // ctx ended; the call settles with it at once
		c.Wait(context.Background())
		t.fail(c.Err())
	case err != nil:
		t.fail(err)
	case reply.X != x || reply.Square != x*x:
		t.fail(fmt.Errorf("wrong reply: %+v for X=%d", reply, x))
	default:
		t.ok.Add(1)
		t.arrived(c.ID())
	}
	return true
}
