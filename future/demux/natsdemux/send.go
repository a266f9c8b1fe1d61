package natsdemux

import (
	"context"
	"errors"
	"maps"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/future/demux"
	"github.com/nats-io/nats.go"
)

// Header names of the requests and cancel messages a [Client] sends and a
// [Worker] reads.
const (
	// HeaderTimeout, on a request, is the time its requester will wait
	// for the reply, as time.Duration formats it; the worker's context
	// ends then.
	HeaderTimeout = "Goresult-Timeout"
	// HeaderCauseCode and HeaderCause, on a cancel message, name the
	// requester's cause ([CancelError].Code) and give its message.
	HeaderCauseCode = "Goresult-Cause-Code"
	HeaderCause     = "Goresult-Cause"

	// cancelPrefix starts the subject of the cancel messages for requests
	// on a subject; their payload is the request's reply subject.
	cancelPrefix = "_GORESULT.CANCEL."
)

// pending is what the client keeps of a request it sent.
type pending struct {
	ctx     context.Context // the request's: a reply after it ended is late
	msg     *nats.Msg       // as sent: for retries and the cancel subject
	sent    atomic.Bool     // published (or about to be)
	replied atomic.Bool     // a reply for it came
	delay   time.Duration
	timer   *time.Timer // the next retry; guarded by Client.mu
}

// start adds a call for m, sends m with the call's inbox as reply subject
// and calls done with the reply (or error) once the call settles. It
// fails, before sending anything, as the table's Add does.
func (c *Client) start(ctx context.Context, m *nats.Msg, done func(*nats.Msg, error)) (*demux.Call[*nats.Msg], error) {
	dc, err := c.table.Add(ctx)
	if err != nil {
		return nil, err
	}
	id := dc.ID()
	p := &pending{ctx: ctx, msg: &nats.Msg{
		Subject: m.Subject,
		Reply:   c.prefix + strconv.FormatUint(id, 10),
		Data:    m.Data,
		Header:  withTimeout(ctx, m.Header),
	}}
	c.mu.Lock()
	c.pending[id] = p
	c.lastID = max(c.lastID, id)
	c.mu.Unlock()
	future.AfterFunc(dc, func() {
		c.settled(id, p, dc.Err())
		done(dc.Get())
	})
	if c.cfg.failFast && !c.nc.IsConnected() {
		c.table.Reject(id, &demux.ConnLostError{Cause: nats.ErrDisconnected})
		return dc, nil
	}
	p.sent.Store(true)
	if err := c.nc.PublishMsg(p.msg); err != nil {
		p.sent.Store(false)
		c.table.Reject(id, publishError(err))
	}
	return dc, nil
}

// withTimeout returns h, with a copy holding HeaderTimeout if ctx has a
// deadline.
func withTimeout(ctx context.Context, h nats.Header) nats.Header {
	d, ok := ctx.Deadline()
	if !ok {
		return h
	}
	out := make(nats.Header, len(h)+1)
	maps.Copy(out, h)
	out[HeaderTimeout] = []string{time.Until(d).String()}
	return out
}

// publishError is the error of a request that could not be published.
func publishError(err error) error {
	if errors.Is(err, nats.ErrConnectionClosed) {
		return &demux.ConnLostError{Cause: err}
	}
	return err
}

// settled forgets the request with this id, which settled with err, and
// tells its worker to stop if it may still be working on it.
func (c *Client) settled(id uint64, p *pending, err error) {
	c.mu.Lock()
	delete(c.pending, id)
	if p.timer != nil {
		p.timer.Stop()
	}
	c.mu.Unlock()
	if err == nil || p.replied.Load() || !p.sent.Load() || !needsCancel(err) {
		return
	}
	c.publishCancel(p.msg, err)
}

// needsCancel reports whether a request that failed with err, with no
// reply, should be cancelled on its worker: not when its deadline passed
// (the worker's ends at the same time) nor when its reply was dropped.
func needsCancel(err error) bool {
	if errors.Is(err, ErrRepliesDropped) {
		return false
	}
	return errors.Is(err, context.Canceled) || !errors.Is(err, context.DeadlineExceeded)
}

// publishCancel tells the workers of req's subject to stop working on req,
// for the reason err. It is best effort: if the connection is closed,
// there is no one to tell.
func (c *Client) publishCancel(req *nats.Msg, err error) {
	_ = c.nc.PublishMsg(&nats.Msg{
		Subject: cancelPrefix + req.Subject,
		Data:    []byte(req.Reply),
		Header:  nats.Header{HeaderCauseCode: {causeCode(err)}, HeaderCause: {err.Error()}},
	})
}

// retryLater sends the pending request with this id again after its next
// delay, unless it settles first.
func (c *Client) retryLater(id uint64, p *pending) {
	if p.delay == 0 {
		p.delay = c.cfg.retry
	}
	d := p.delay
	p.delay = min(2*p.delay, time.Second)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pending[id] != p {
		return
	}
	p.timer = time.AfterFunc(d, func() {
		c.mu.Lock()
		still := c.pending[id] == p
		c.mu.Unlock()
		if still {
			_ = c.nc.PublishMsg(p.msg) // if it fails, the request waits for its context
		}
	})
}
