package natsdemux

import (
	"errors"
	"sync"

	"github.com/goresult/goresult/future/demux"
	"github.com/nats-io/nats.go"
)

// chainMu serializes the chaining of handlers on connections, so that two
// clients made at once on one connection both keep theirs.
var chainMu sync.Mutex

// watch puts the client's handlers for nc's events in front of nc's own.
func (c *Client) watch() {
	chainMu.Lock()
	defer chainMu.Unlock()
	nc := c.nc
	disconnected, closed, asyncErr := nc.Opts.DisconnectedErrCB, nc.Opts.ClosedCB, nc.Opts.AsyncErrorCB
	nc.SetDisconnectErrHandler(func(conn *nats.Conn, err error) {
		c.disconnected(err)
		if disconnected != nil {
			disconnected(conn, err)
		}
	})
	nc.SetClosedHandler(func(conn *nats.Conn) {
		c.connClosed()
		if closed != nil {
			closed(conn)
		}
	})
	nc.SetErrorHandler(func(conn *nats.Conn, sub *nats.Subscription, err error) {
		if sub == c.sub && errors.Is(err, nats.ErrSlowConsumer) {
			c.checkDrops(sub)
		}
		if asyncErr != nil {
			asyncErr(conn, sub, err)
		}
	})
}

// disconnected fails the pending requests and gathers if the client fails
// fast; otherwise they wait for their deadlines.
func (c *Client) disconnected(err error) {
	if !c.cfg.failFast {
		return
	}
	if err == nil {
		err = nats.ErrDisconnected
	}
	c.failAll(err)
}

// connClosed fails everything pending: no reply can come any more.
func (c *Client) connClosed() { c.failAll(nats.ErrConnectionClosed) }

// failAll fails the pending requests and gathers with an error matching
// demux.ErrConnLost and cause.
func (c *Client) failAll(cause error) {
	c.table.FailAll(cause)
	c.mu.Lock()
	gs := make([]*gatherQueue, 0, len(c.gathers))
	for _, q := range c.gathers {
		gs = append(gs, q)
	}
	c.mu.Unlock()
	for _, q := range gs {
		q.fail(&demux.ConnLostError{Cause: cause})
	}
}
