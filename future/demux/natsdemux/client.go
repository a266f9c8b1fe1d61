package natsdemux

import (
	"errors"
	"sync"
	"sync/atomic"

	"github.com/goresult/goresult/future/demux"
	"github.com/nats-io/nats.go"
)

// Client sends requests over one NATS connection and matches the replies
// to them: one wildcard inbox subscription and one demux.Table for all its
// requests. Create one with [New]; all its methods are safe to call
// concurrently. It starts no goroutine of its own: replies are delivered by
// the inbox subscription's goroutine, which settles the requests (and runs
// their callbacks, which must therefore be quick).
//
// The connection stays the caller's: [Client.Close] leaves it open, and
// closing it fails the client's pending requests.
type Client struct {
	nc     *nats.Conn
	cfg    config
	prefix string // the inbox subscription's subject, less its last token
	sub    *nats.Subscription
	table  *demux.Table[*nats.Msg]

	mu      sync.Mutex
	pending map[uint64]*pending     // by the table's call ID
	gathers map[uint64]*gatherQueue // by gather ID
	lastID  uint64                  // the highest call ID sent
	nextG   uint64                  // the last gather ID given
	closed  bool

	seenDrops atomic.Uint64 // the inbox subscription's drops, as last seen
	dropMark  atomic.Uint64 // if not 0, the last call ID that may have lost its reply
	malformed atomic.Uint64
	late      atomic.Uint64 // replies after their request's context or gather ended
}

// New returns a Client that sends its requests on nc, configured by opts.
// It subscribes to its inbox at once, and chains its own handlers for
// nc's disconnections, closing and asynchronous errors in front of the
// ones nc has (set them on nc before New: a handler set later replaces
// the client's). It returns nc's error if the subscription fails, and
// panics if nc is nil.
func New(nc *nats.Conn, opts ...Option) (*Client, error) {
	if nc == nil {
		panic("natsdemux: New with a nil connection")
	}
	c := &Client{nc: nc, pending: make(map[uint64]*pending), gathers: make(map[uint64]*gatherQueue)}
	for _, o := range opts {
		o.apply(&c.cfg)
	}
	var topts []demux.Option
	if c.cfg.maxInFlight > 0 {
		topts = append(topts, demux.MaxInFlight(c.cfg.maxInFlight))
	}
	c.table = demux.New[*nats.Msg](topts...)
	c.prefix = nc.NewInbox() + "."
	sub, err := nc.Subscribe(c.prefix+"*", c.deliver)
	if err != nil {
		return nil, err
	}
	if c.cfg.pendingMsgs != 0 || c.cfg.pendingBytes != 0 {
		if err := sub.SetPendingLimits(c.cfg.pendingMsgs, c.cfg.pendingBytes); err != nil {
			_ = sub.Unsubscribe()
			return nil, err
		}
	}
	c.sub = sub
	c.watch()
	return c, nil
}

// Close stops the client: the requests and gathers still pending fail with
// an error matching demux.ErrClosed (their workers are sent cancel
// messages), later ones fail at once the same way, and the inbox
// subscription is removed. It does not close the connection. Close does
// not block beyond a publish per pending request; calling it again does
// nothing. It returns the error of removing the subscription, if any.
func (c *Client) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	gs := c.takeGathers()
	c.mu.Unlock()
	c.table.Close(nil)
	for _, q := range gs {
		q.fail(demux.ErrClosed)
	}
	err := c.sub.Unsubscribe()
	if errors.Is(err, nats.ErrConnectionClosed) || errors.Is(err, nats.ErrBadSubscription) {
		err = nil
	}
	return err
}

// Stats returns the client's counts at this moment: its table's, with the
// replies that came after their request's context ended (before the table
// saw it end) or after their gather ended counted as Late too.
func (c *Client) Stats() Stats {
	s := Stats{Stats: c.table.Stats(), Malformed: c.malformed.Load()}
	s.Late += c.late.Load()
	if n, err := c.sub.Dropped(); err == nil {
		s.Dropped = uint64(n)
	}
	return s
}

// takeGathers removes and returns every open gather. c.mu must be held.
func (c *Client) takeGathers() []*gatherQueue {
	gs := make([]*gatherQueue, 0, len(c.gathers))
	for id, q := range c.gathers {
		gs = append(gs, q)
		delete(c.gathers, id)
	}
	return gs
}
