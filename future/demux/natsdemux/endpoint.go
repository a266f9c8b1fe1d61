package natsdemux

import (
	"context"

	"github.com/nats-io/nats.go"
)

// Endpoint is a subject that takes requests of type T and answers with
// replies of type R, through a [Client]. Create one with [NewEndpoint]; it
// is safe for concurrent use.
type Endpoint[T, R any] struct {
	c       *Client
	subject string
	req     Codec[T]
	rep     Codec[R]
}

// NewEndpoint returns the endpoint for requests on subject through c,
// encoded with req and decoded with rep (JSON when nil). It panics if c is
// nil or subject is empty.
func NewEndpoint[T, R any](c *Client, subject string, req Codec[T], rep Codec[R]) *Endpoint[T, R] {
	switch {
	case c == nil:
		panic("natsdemux: NewEndpoint with a nil Client")
	case subject == "":
		panic("natsdemux: NewEndpoint with an empty subject")
	}
	if req == nil {
		req = JSON[T]()
	}
	if rep == nil {
		rep = JSON[R]()
	}
	return &Endpoint[T, R]{c: c, subject: subject, req: req, rep: rep}
}

// Request sends v and returns its [*Call], which settles with the decoded
// reply, as [Client.Request] does. If v does not encode, the call is
// already failed with the codec's error.
func (e *Endpoint[T, R]) Request(ctx context.Context, v T) *Call[R] {
	data, err := e.req.Encode(v)
	if err != nil {
		return failedCall[R](err)
	}
	return request(ctx, e.c, &nats.Msg{Subject: e.subject, Data: data}, e.decode)
}

// decode returns the value of the reply m.
func (e *Endpoint[T, R]) decode(m *nats.Msg) (R, error) {
	v, err := e.rep.Decode(m.Data)
	if err != nil {
		return v, malformed("reply on "+e.subject, err)
	}
	return v, nil
}
