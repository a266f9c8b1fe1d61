package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/goresult/goresult/future/demux/natsdemux"
	"github.com/goresult/goresult/ops"
	"github.com/nats-io/nats.go"
)

// demo runs the four steps against the server at c.url, or an embedded
// one, with the workers it needs.
func demo(ctx context.Context, c config, stdout, stderr io.Writer) (err error) {
	if c.url == "" {
		url, stop, err := embedded()
		if err != nil {
			return err
		}
		defer stop()
		c.url = url
		fmt.Fprintln(stdout, "embedded nats-server on", url)
	}
	f, wctx := newFleet(ctx)
	defer func() { err = errors.Join(err, f.stop()) }()
	lost := make(chan error, 8)
	if err := startWorkers(wctx, f, c, lost); err != nil {
		return err
	}

	nc, err := nats.Connect(c.url)
	if err != nil {
		return err
	}
	defer nc.Close()
	client, err := natsdemux.New(nc)
	if err != nil {
		return err
	}
	defer client.Close()

	steps := []func() error{
		func() error { return race(ctx, client, lost, stdout) },
		func() error { return merge(ctx, client, stdout) },
		func() error { return gather(ctx, client, stdout) },
		func() error { return enrich(ctx, client, c, stdout, stderr) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	st := client.Stats()
	fmt.Fprintf(stdout, "client: %d completed, %d failed, %d cancelled, %d late replies dropped\n",
		st.Completed, st.Failed, st.Cancelled, st.Late)
	return nil
}

// startWorkers starts the replicas, the warehouses and the enrichers.
func startWorkers(ctx context.Context, f *fleet, c config, lost chan<- error) error {
	delays := map[string]time.Duration{"a": 150 * time.Millisecond, "b": 5 * time.Millisecond, "c": 300 * time.Millisecond}
	for _, name := range []string{"a", "b", "c"} {
		if err := serve(ctx, f, c.url, replica(name, delays[name], lost)); err != nil {
			return err
		}
	}
	for i, units := range []int{120, 75, 230} {
		if err := serve(ctx, f, c.url, warehouse(fmt.Sprintf("w%d", i+1), units)); err != nil {
			return err
		}
	}
	for id := 1; id <= c.workers; id++ {
		var err error
		if c.procs {
			err = f.process(ctx, c.url, id, c.perProc)
		} else {
			err = serve(ctx, f, c.url, enricher(id, c.perProc))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// quotes asks each replica for a quote on item.
func quotes(ctx context.Context, client *natsdemux.Client, item int) []*natsdemux.Call[quote] {
	var calls []*natsdemux.Call[quote]
	for _, name := range []string{"a", "b", "c"} {
		calls = append(calls, natsdemux.NewEndpoint[int, quote](client, "quote."+name, nil, nil).Request(ctx, item))
	}
	return calls
}

// race asks the three replicas and keeps the first answer; the losers are
// cancelled on their workers, which see ops.ErrLost as the cause.
func race(ctx context.Context, client *natsdemux.Client, lost <-chan error, w io.Writer) error {
	start := time.Now()
	q, err := ops.Race(quotes(ctx, client, 1)...).Await(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "race:   replica %s won with %d after %v\n", q.Replica, q.Price, time.Since(start).Round(time.Millisecond))
	wait, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	for range 2 {
		select {
		case cause := <-lost:
			fmt.Fprintf(w, "race:   a loser's worker stopped: %v (matches ops.ErrLost: %t)\n", cause, errors.Is(cause, ops.ErrLost))
		case <-wait.Done():
			return fmt.Errorf("the losers were not cancelled on their workers: %w", wait.Err())
		}
	}
	return nil
}

// merge asks the three replicas and prints the answers as they complete.
func merge(ctx context.Context, client *natsdemux.Client, w io.Writer) error {
	start := time.Now()
	return ops.Merge(quotes(ctx, client, 2)...).ForEach(ctx, func(r *natsdemux.Call[quote]) error {
		q, err := r.Get()
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "merge:  replica %s answered %d after %v\n", q.Replica, q.Price, time.Since(start).Round(5*time.Millisecond))
		return nil
	})
}

// gather counts the stock of every warehouse, then asks for one too many.
func gather(ctx context.Context, client *natsdemux.Client, w io.Writer) error {
	ep := natsdemux.NewEndpoint[string, stock](client, "stock", nil, nil)
	total, n := 0, 0
	err := ep.Gather("widgets", natsdemux.Until[stock]{Count: 3, Stall: time.Second}).ForEach(ctx, func(s stock) error {
		total += s.Units
		n++
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "gather: %d warehouses hold %d widgets\n", n, total)
	_, err = ep.Gather("widgets", natsdemux.Until[stock]{Count: 4, Stall: 500 * time.Millisecond}).Collect(ctx)
	fmt.Fprintf(w, "gather: asking for 4 answers: %v\n", err)
	return nil
}
