package natsdemux

import (
	"context"
	"time"

	"github.com/goresult/goresult/future"
	"github.com/nats-io/nats.go"
)

// handle runs one request and answers it.
func (w Worker[T, R]) handle(ctx context.Context, nc *nats.Conn, in *inflight, m *nats.Msg) {
	if ctx.Err() != nil { // Serve is stopping: refuse it, as the subscription does
		w.respond(nc, m, *new(R), ErrWorkerStopped)
		return
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	if t := m.Header.Get(HeaderTimeout); t != "" {
		if d, err := time.ParseDuration(t); err == nil {
			var stop context.CancelFunc
			ctx, stop = context.WithTimeout(ctx, d)
			defer stop()
		}
	}
	if m.Reply != "" {
		if !in.add(m.Reply, cancel) {
			return // cancelled while it waited: no one wants the reply
		}
		defer in.remove(m.Reply)
	}
	if ctx.Err() != nil {
		return // its deadline passed while it waited: no one wants the reply
	}
	v, err := w.request().Decode(m.Data)
	if err != nil {
		w.respond(nc, m, *new(R), &ServiceError{Code: "400", Description: malformed("request", err).Error()})
		return
	}
	var r R
	returned := false
	defer func() {
		if !returned { // runtime.Goexit: answer, and let it go on
			w.respond(nc, m, r, future.ErrGoexit)
		}
	}()
	r, err = run(ctx, w.Func, v)
	returned = true
	w.respond(nc, m, r, err)
}

// run calls f, turning a panic into a *future.PanicError.
func run[T, R any](ctx context.Context, f func(context.Context, T) (R, error), v T) (r R, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = future.NewPanicError(p)
		}
	}()
	return f(ctx, v)
}

// respond answers the request m with r, or with err if it is not nil. A
// request with no reply subject is not answered.
func (w Worker[T, R]) respond(nc *nats.Conn, m *nats.Msg, r R, err error) {
	if m.Reply == "" {
		return
	}
	reply := &nats.Msg{Subject: m.Reply}
	if err == nil {
		if reply.Data, err = w.reply().Encode(r); err != nil {
			err = &ServiceError{Code: "500", Description: "natsdemux: encoding the reply: " + err.Error()}
		}
	}
	if err != nil {
		se := serviceError(err)
		reply.Data = nil
		reply.Header = nats.Header{HeaderError: {se.Description}, HeaderErrorCode: {se.Code}}
	}
	_ = nc.PublishMsg(reply) // if it fails, the requester's deadline answers
}

func (w Worker[T, R]) request() Codec[T] {
	if w.Request == nil {
		return JSON[T]()
	}
	return w.Request
}

func (w Worker[T, R]) reply() Codec[R] {
	if w.Reply == nil {
		return JSON[R]()
	}
	return w.Reply
}
