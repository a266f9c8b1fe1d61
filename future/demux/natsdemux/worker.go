package natsdemux

import (
	"context"
	"sync"

	"github.com/nats-io/nats.go"
)

// Worker serves a typed function on a subject: each request is decoded,
// given to Func with a context that carries the requester's deadline and
// cancellation, and answered with its value or its error. Fill in its
// fields and call [Worker.Serve]; a Worker is not changed by serving, so one
// value may serve on several connections.
type Worker[T, R any] struct {
	// Subject is the subject to serve (wildcards allowed).
	Subject string
	// Queue is the queue group: each request goes to one worker of the
	// group. Empty, every worker on Subject gets every request (the
	// responders of a gather).
	Queue string
	// N is how many requests the worker runs at once (1 if 0). Requests
	// beyond that wait in the connection's subscription.
	N int
	// Request decodes requests and Reply encodes replies; JSON when nil.
	Request Codec[T]
	Reply   Codec[R]
	// Func computes the reply to a request. Its context ends when the
	// requester's deadline passes, when the requester cancels the request
	// (with a [*CancelError] as cause), or when Serve's context ends.
	Func func(context.Context, T) (R, error)
	// Started, if not nil, is called once the worker's subscriptions are
	// in place on the server, before Serve waits for requests.
	Started func()
}

// Serve subscribes to w.Subject in w.Queue on nc and answers requests, w.N
// at a time, until ctx ends or nc is closed. An error of Func travels back
// as a [*ServiceError] with code "500" (or the code of a *ServiceError it
// returned), a panic in Func as one with the [future.PanicError]'s message
// (the worker goes on), a request that does not decode as code "400", and
// runtime.Goexit as future.ErrGoexit. Requests published without a reply
// subject are run and not answered.
//
// Serve blocks. Once ctx ends it stops taking requests, cancels the
// contexts of the ones running with ctx's cause, waits for them (their
// replies are still sent), answers the requests it had received but not
// started with [ErrWorkerStopped] (code "503") while it drains its
// subscription (bounded by nc's drain timeout), and returns an error
// matching ctx's error and its cause. If
// nc is closed first, it returns nats.ErrConnectionClosed once its
// requests have returned. It returns at once the error of subscribing, if
// any. It panics if ctx or nc is nil, or w has no Subject or no Func.
func (w Worker[T, R]) Serve(ctx context.Context, nc *nats.Conn) error {
	w.check(ctx, nc)
	parent := ctx
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	connClosed := nc.StatusChanged(nats.CLOSED) // before subscribing, so that it cannot be missed
	defer nc.RemoveStatusListener(connClosed)
	in := newInflight()
	csub, err := nc.Subscribe(cancelPrefix+w.Subject, in.cancelMsg)
	if err != nil {
		return err
	}
	defer func() { _ = csub.Unsubscribe() }()
	work := make(chan *nats.Msg)
	sub, err := w.subscribe(ctx, nc, work)
	if err != nil {
		return err
	}
	closed := sub.StatusChanged(nats.SubscriptionClosed)
	if err := nc.Flush(); err == nil && w.Started != nil {
		w.Started()
	}
	var wg sync.WaitGroup
	for range max(w.N, 1) {
		wg.Go(func() { w.loop(ctx, nc, in, work, &wg) })
	}
	select {
	case <-ctx.Done():
	case <-connClosed:
		stop(nats.ErrConnectionClosed)
	}
	wg.Wait()
	drain(sub, closed)
	if parent.Err() != nil {
		return ctxError(parent)
	}
	return nats.ErrConnectionClosed
}

// subscribe subscribes to the worker's requests, handing each to a free
// goroutine through work, or refusing it once ctx has ended.
func (w Worker[T, R]) subscribe(ctx context.Context, nc *nats.Conn, work chan<- *nats.Msg) (*nats.Subscription, error) {
	return nc.QueueSubscribe(w.Subject, w.Queue, func(m *nats.Msg) {
		select {
		case work <- m:
		case <-ctx.Done():
			w.respond(nc, m, *new(R), ErrWorkerStopped)
		}
	})
}

// drain unsubscribes sub once the requests it holds have been handed on
// (refused, by then), waiting for closed to be closed; if the connection
// cannot drain, it unsubscribes at once.
func drain(sub *nats.Subscription, closed <-chan nats.SubStatus) {
	if err := sub.Drain(); err != nil {
		_ = sub.Unsubscribe()
		return
	}
	for range closed {
	}
}

// check panics if Serve's arguments are unusable.
func (w Worker[T, R]) check(ctx context.Context, nc *nats.Conn) {
	switch {
	case ctx == nil:
		panic("natsdemux: Serve with a nil Context")
	case nc == nil:
		panic("natsdemux: Serve with a nil connection")
	case w.Subject == "":
		panic("natsdemux: Serve of a Worker with no Subject")
	case w.Func == nil:
		panic("natsdemux: Serve of a Worker with no Func")
	}
}

// loop runs requests from work until ctx ends. If a request's Func calls
// runtime.Goexit, loop starts its own successor as it exits.
func (w Worker[T, R]) loop(ctx context.Context, nc *nats.Conn, in *inflight, work <-chan *nats.Msg, wg *sync.WaitGroup) {
	normal := false
	defer func() {
		if !normal && ctx.Err() == nil {
			wg.Go(func() { w.loop(ctx, nc, in, work, wg) })
		}
	}()
	for {
		select {
		case m := <-work:
			w.handle(ctx, nc, in, m)
		case <-ctx.Done():
			normal = true
			return
		}
	}
}
