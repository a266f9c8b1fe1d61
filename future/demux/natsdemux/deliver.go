package natsdemux

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
)

// deliver settles the request (or feeds the gather) that the reply m is
// for. It runs in the inbox subscription's goroutine.
func (c *Client) deliver(m *nats.Msg) {
	tok := strings.TrimPrefix(m.Subject, c.prefix)
	if g, ok := strings.CutPrefix(tok, "g"); ok {
		c.deliverGather(g, m)
	} else if id, err := strconv.ParseUint(tok, 10, 64); err != nil {
		c.malformed.Add(1)
	} else {
		c.deliverReply(id, m)
	}
	c.checkDrops(m.Sub)
}

// deliverReply settles the call with this id with the reply m: its value,
// the worker's error, or no responders.
func (c *Client) deliverReply(id uint64, m *nats.Msg) {
	c.mu.Lock()
	p := c.pending[id]
	c.mu.Unlock()
	if p == nil {
		c.table.Resolve(id, m) // counted as late
		return
	}
	if expired(p.ctx) { // its context's watch is about to settle it
		c.late.Add(1)
		return
	}
	if isNoResponders(m) {
		if c.cfg.retry > 0 {
			c.retryLater(id, p)
			return
		}
		p.replied.Store(true)
		c.table.Reject(id, nats.ErrNoResponders)
		return
	}
	p.replied.Store(true)
	if err := replyError(m); err != nil {
		c.table.Reject(id, err)
		return
	}
	c.table.Resolve(id, m)
}

// isNoResponders reports whether m is the server's answer to a request no
// one is subscribed to.
func isNoResponders(m *nats.Msg) bool {
	return len(m.Data) == 0 && m.Header.Get("Status") == "503"
}

// replyError returns the worker's error that the reply m carries, or nil.
func replyError(m *nats.Msg) error {
	code := m.Header.Get(HeaderErrorCode)
	if code == "" {
		if d := m.Header.Get(HeaderError); d != "" {
			return malformed("error reply without a code", &ServiceError{Description: d})
		}
		return nil
	}
	return &ServiceError{Code: code, Description: m.Header.Get(HeaderError)}
}

// checkDrops notes whether the inbox subscription dropped replies since it
// last looked (a slow consumer): then every request sent so far may have
// lost its reply. Those still pending fail once the replies queued before
// the drop have been delivered (at most the one being delivered is left:
// nats.go counts it until its callback returns). It runs after each reply,
// and from nats.go's slow-consumer error, in case no reply comes after the
// drop.
func (c *Client) checkDrops(sub *nats.Subscription) {
	d, err := sub.Dropped()
	if err != nil {
		return
	}
	if old := c.seenDrops.Load(); uint64(d) > old && c.seenDrops.CompareAndSwap(old, uint64(d)) {
		c.mu.Lock()
		c.dropMark.Store(max(c.lastID, 1))
		c.mu.Unlock()
	}
	if c.dropMark.Load() == 0 {
		return
	}
	if n, _, err := sub.Pending(); err == nil && n <= 1 {
		c.failDropped()
	}
}

// failDropped fails the requests that may have lost their replies.
func (c *Client) failDropped() {
	mark := c.dropMark.Swap(0)
	if mark == 0 {
		return
	}
	c.mu.Lock()
	var ids []uint64
	for id := range c.pending {
		if id <= mark {
			ids = append(ids, id)
		}
	}
	c.mu.Unlock()
	for _, id := range ids {
		c.table.Reject(id, ErrRepliesDropped)
	}
}

// expired reports whether ctx has ended or its deadline has passed: a
// context's timer may not have fired yet when a reply sent at the
// worker's deadline (which is later) comes.
func expired(ctx context.Context) bool {
	if ctx.Err() != nil {
		return true
	}
	d, ok := ctx.Deadline()
	return ok && !time.Now().Before(d)
}
