package main

import (
	"context"
	"time"

	"github.com/goresult/goresult/future/demux/natsdemux"
)

// quote is a replica's answer to a price request.
type quote struct {
	Replica string
	Price   int
}

// stock is a warehouse's answer to a stock count.
type stock struct {
	Warehouse string
	Units     int
}

// enriched is an item as the "enrich" workers return it.
type enriched struct {
	ID     int
	Worker int
	Score  int
}

// replica answers price requests on "quote.NAME" after delay, unless the
// request is cancelled first: then it reports the cause on lost.
func replica(name string, delay time.Duration, lost chan<- error) natsdemux.Worker[int, quote] {
	return natsdemux.Worker[int, quote]{
		Subject: "quote." + name, Queue: "replicas", N: 16,
		Func: func(ctx context.Context, item int) (quote, error) {
			select {
			case <-time.After(delay):
				return quote{Replica: name, Price: 100 + item}, nil
			case <-ctx.Done():
				lost <- context.Cause(ctx)
				return quote{}, ctx.Err()
			}
		},
	}
}

// warehouse answers every stock count on "stock" (no queue group: all
// warehouses answer).
func warehouse(name string, units int) natsdemux.Worker[string, stock] {
	return natsdemux.Worker[string, stock]{
		Subject: "stock",
		Func: func(context.Context, string) (stock, error) {
			return stock{Warehouse: name, Units: units}, nil
		},
	}
}

// enricher is worker number id of the "enrich" queue group, n requests at
// a time: each item takes about a millisecond of (simulated) remote work.
func enricher(id, n int) natsdemux.Worker[int, enriched] {
	return natsdemux.Worker[int, enriched]{
		Subject: "enrich", Queue: "enrichers", N: n,
		Func: func(ctx context.Context, item int) (enriched, error) {
			select {
			case <-time.After(time.Millisecond):
				return enriched{ID: item, Worker: id, Score: item * 7 % 100}, nil
			case <-ctx.Done():
				return enriched{}, ctx.Err()
			}
		},
	}
}
