package natsdemux

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/goresult/goresult/future/demux"
	"github.com/goresult/goresult/stream"
	"github.com/nats-io/nats.go"
)

// errStall is what a gather queue's next returns when the stall timer fires.
var errStall = errors.New("natsdemux: stall")

// Gather returns a stream of the replies to v from every responder on
// e's subject (workers with no queue group, or several queue groups),
// decoded, in the order they come, until the gather is complete as until
// says. Each run of the stream sends the request once.
//
// The stream ends with nil once complete; with a [*GatherError] that says
// how many replies came and why if it ends before that (a stall, ctx's
// end, a responder's error, a reply that does not decode, no responders,
// the client closed or its connection lost); and with yield's error,
// unchanged, when downstream stops (stream.ErrStop included). Ending
// before complete publishes a cancel message for the responders still at
// work. Replies that come after the run ended are counted as Late.
// Running it blocks in the caller's goroutine, which calls yield; it starts
// no goroutine. Gather panics if until has no end or a negative Count.
func (e *Endpoint[T, R]) Gather(v T, until Until[R]) stream.Stream[R] {
	switch {
	case until.Count < 0:
		panic("natsdemux: Gather with a negative Count")
	case until.Count == 0 && until.Stall <= 0 && until.Sentinel == nil:
		panic("natsdemux: Gather with no end: set Until's Count, Stall or Sentinel")
	}
	return func(ctx context.Context, yield func(R) error) error {
		data, err := e.req.Encode(v)
		if err != nil {
			return err
		}
		id, q, err := e.c.openGather()
		if err != nil {
			return &GatherError{Want: until.Count, Reason: err}
		}
		defer e.c.closeGather(id)
		req := &nats.Msg{
			Subject: e.subject,
			Reply:   e.c.prefix + "g" + strconv.FormatUint(id, 10),
			Data:    data,
			Header:  withTimeout(ctx, nil),
		}
		if err := e.c.nc.PublishMsg(req); err != nil {
			return &GatherError{Want: until.Count, Reason: publishError(err)}
		}
		err = e.collect(ctx, q, until, yield)
		if err != nil {
			e.c.publishCancel(req, err)
		}
		return err
	}
}

// collect passes on the replies that q receives until the gather ends.
func (e *Endpoint[T, R]) collect(ctx context.Context, q *gatherQueue, until Until[R], yield func(R) error) error {
	if until.Stall > 0 {
		t := time.NewTimer(until.Stall)
		defer t.Stop()
		return e.collectFrom(ctx, q, until, yield, t.C, func() { t.Reset(until.Stall) })
	}
	return e.collectFrom(ctx, q, until, yield, nil, func() {})
}

// collectFrom is collect's loop; rearm restarts the stall timer.
func (e *Endpoint[T, R]) collectFrom(ctx context.Context, q *gatherQueue, until Until[R], yield func(R) error, stall <-chan time.Time, rearm func()) error {
	incomplete := func(got int, reason error) error {
		return &GatherError{Got: got, Want: until.Count, Reason: reason}
	}
	for got := 0; ; {
		m, err := q.next(ctx, stall)
		switch {
		case err == errStall && until.Count == 0 && until.Sentinel == nil:
			return nil // every responder has answered
		case err == errStall:
			return incomplete(got, ErrStalled)
		case err != nil:
			return incomplete(got, err)
		case isNoResponders(m):
			return incomplete(got, nats.ErrNoResponders)
		}
		if err := replyError(m); err != nil {
			return incomplete(got, err)
		}
		r, err := e.decode(m)
		if err != nil {
			return incomplete(got, err)
		}
		if until.Sentinel != nil && until.Sentinel(r) {
			return nil
		}
		if err := yield(r); err != nil {
			return err
		}
		if got++; got == until.Count {
			return nil
		}
		rearm()
	}
}

// openGather registers a new gather and returns its ID and queue.
func (c *Client) openGather() (uint64, *gatherQueue, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return 0, nil, demux.ErrClosed
	}
	c.nextG++
	q := &gatherQueue{wake: make(chan struct{}, 1)}
	c.gathers[c.nextG] = q
	return c.nextG, q, nil
}

// closeGather forgets the gather with this ID: its later replies are late.
func (c *Client) closeGather(id uint64) {
	c.mu.Lock()
	delete(c.gathers, id)
	c.mu.Unlock()
}

// deliverGather queues the reply m for the gather whose ID tok is.
func (c *Client) deliverGather(tok string, m *nats.Msg) {
	id, err := strconv.ParseUint(tok, 10, 64)
	if err != nil {
		c.malformed.Add(1)
		return
	}
	c.mu.Lock()
	q := c.gathers[id]
	c.mu.Unlock()
	if q == nil {
		c.late.Add(1)
		return
	}
	q.push(m)
}
