package natsdemux

import (
	"context"

	"github.com/goresult/goresult/future"
	"github.com/nats-io/nats.go"
)

// Request sends m (its Subject, Data and Header; its Reply is ignored) as a
// request and returns its [*Call], which settles with the reply message
// (a service error or a no-responders answer fail it instead). ctx bounds
// the request: its deadline travels to the worker, and its end cancels the
// call and tells the worker. Request does not block, except to wait
// (bounded by ctx) for a slot under [MaxInFlight]; if the request cannot
// be sent, the call is already failed: with ctx's error, with an error
// matching demux.ErrClosed after Close, or with nats' error. It panics if
// ctx or m is nil.
func (c *Client) Request(ctx context.Context, m *nats.Msg) *Call[*nats.Msg] {
	if m == nil {
		panic("natsdemux: Request with a nil message")
	}
	return request(ctx, c, m, func(m *nats.Msg) (*nats.Msg, error) { return m, nil })
}

// request sends m and returns a Call that settles with decode's value of
// the reply.
func request[R any](ctx context.Context, c *Client, m *nats.Msg, decode func(*nats.Msg) (R, error)) *Call[R] {
	if ctx == nil {
		panic("natsdemux: Request with a nil Context")
	}
	out := &Call[R]{}
	dc, err := c.start(ctx, m, func(reply *nats.Msg, err error) {
		if err == nil {
			var v R
			if v, err = protect(decode, reply); err == nil {
				out.settable.SetResult(v)
				return
			}
		}
		out.settable.SetError(err)
	})
	if err != nil {
		return failedCall[R](err)
	}
	out.call = dc
	return out
}

// protect calls f(v), turning a panic into a *future.PanicError.
func protect[T, R any](f func(T) (R, error), v T) (r R, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = future.NewPanicError(p)
		}
	}()
	return f(v)
}
