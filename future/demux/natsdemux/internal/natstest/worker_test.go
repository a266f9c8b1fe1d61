package natstest_test

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/future/demux/natsdemux"
	"github.com/goresult/goresult/future/demux/natsdemux/internal/natstest"
	"github.com/nats-io/nats.go"
)

func TestWorkerErrorsTravelBack(t *testing.T) {
	ctx, s := withServer(t, 20*time.Second)
	serve(t, natstest.Connect(t, s.URL()), natsdemux.Worker[string, string]{
		Subject: "fail",
		Func: func(_ context.Context, how string) (string, error) {
			switch how {
			case "error":
				return "", errors.New("no such thing")
			case "code":
				return "", &natsdemux.ServiceError{Code: "404", Description: "not here"}
			case "panic":
				panic("boom")
			case "goexit":
				runtime.Goexit()
			}
			return "ok:" + how, nil
		},
	})
	c, _ := client(t, s)
	ep := natsdemux.NewEndpoint[string, string](c, "fail", nil, nil)
	tests := []struct {
		how, code, desc string
	}{
		{"error", "500", "no such thing"},
		{"code", "404", "not here"},
		{"panic", "500", "future: panic: boom"},
		{"goexit", "500", future.ErrGoexit.Error()},
		{"goexit", "500", future.ErrGoexit.Error()}, // the worker survived the first
	}
	for _, tt := range tests {
		_, err := ep.Request(ctx, tt.how).Await(ctx)
		var se *natsdemux.ServiceError
		if !errors.As(err, &se) || se.Code != tt.code || se.Description != tt.desc {
			t.Errorf("%s: got %v, want a ServiceError %s %q", tt.how, err, tt.code, tt.desc)
		}
	}
	if got, err := ep.Request(ctx, "fine").Await(ctx); got != "ok:fine" || err != nil {
		t.Errorf("after the failures: got %q, %v, want %q, nil", got, err, "ok:fine")
	}
}

func TestWorkerErrorHeadersAreNATSMicros(t *testing.T) {
	ctx, s := withServer(t, 20*time.Second)
	nc := natstest.Connect(t, s.URL())
	serve(t, nc, natsdemux.Worker[int, int]{Subject: "e", Func: func(context.Context, int) (int, error) {
		return 0, errors.New("bad")
	}})
	m, err := nc.RequestWithContext(ctx, "e", []byte("1"))
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Header.Get("Nats-Service-Error-Code"); got != "500" {
		t.Errorf("got code header %q, want %q", got, "500")
	}
	if got := m.Header.Get("Nats-Service-Error"); got != "bad" {
		t.Errorf("got error header %q, want %q", got, "bad")
	}
}

func TestMalformedMessages(t *testing.T) {
	ctx, s := withServer(t, 20*time.Second)
	nc := natstest.Connect(t, s.URL())
	serve(t, nc, natsdemux.Worker[int, int]{Subject: "double", Func: double})
	// A responder that breaks the protocol in each way it can.
	sub, err := nc.Subscribe("bad.*", func(m *nats.Msg) {
		switch m.Subject {
		case "bad.payload":
			_ = m.Respond([]byte("{not json"))
		case "bad.header":
			_ = nc.PublishMsg(&nats.Msg{Subject: m.Reply, Header: nats.Header{"Nats-Service-Error": {"no code"}}})
		case "bad.inbox":
			_ = nc.Publish(m.Reply+"x", []byte("1"))  // names no request
			_ = nc.Publish(m.Reply+".x", []byte("1")) // not on the inbox subscription at all
			_ = m.Respond([]byte("7"))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	c, _ := client(t, s)
	for _, subject := range []string{"bad.payload", "bad.header"} {
		_, err := natsdemux.NewEndpoint[int, int](c, subject, nil, nil).Request(ctx, 1).Await(ctx)
		if !errors.Is(err, natsdemux.ErrMalformed) {
			t.Errorf("%s: got %v, want an error matching ErrMalformed", subject, err)
		}
	}
	if got, err := natsdemux.NewEndpoint[int, int](c, "bad.inbox", nil, nil).Request(ctx, 1).Await(ctx); got != 7 || err != nil {
		t.Errorf("bad.inbox: got %d, %v, want 7, nil", got, err)
	}
	if got := c.Stats().Malformed; got != 1 {
		t.Errorf("got %d malformed replies counted, want 1", got)
	}
	// A request the worker cannot decode.
	reply := c.Request(ctx, &nats.Msg{Subject: "double", Data: []byte("two")})
	_, err = reply.Await(ctx)
	var se *natsdemux.ServiceError
	if !errors.As(err, &se) || se.Code != "400" || !strings.Contains(se.Description, natsdemux.ErrMalformed.Error()) {
		t.Errorf("undecodable request: got %v, want a ServiceError 400 saying it is malformed", err)
	}
}

func TestSlowWorkerShortDeadline(t *testing.T) {
	ctx, s := withServer(t, 20*time.Second)
	causes := make(chan error, 1)
	serve(t, natstest.Connect(t, s.URL()), natsdemux.Worker[int, int]{
		Subject: "slow",
		N:       1, // so that the ping below is answered after the late reply
		Func: func(ctx context.Context, n int) (int, error) {
			if n == 0 {
				return 0, nil // the ping
			}
			<-ctx.Done()
			causes <- context.Cause(ctx)
			return n, nil // a late reply, with a value
		},
	})
	c, _ := client(t, s)
	ep := natsdemux.NewEndpoint[int, int](c, "slow", nil, nil)
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if v, err := ep.Request(short, 1).Await(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, %v, want an error matching context.DeadlineExceeded", v, err)
	}
	cause := receive(t, ctx, causes, "the worker's context was not cancelled")
	if !errors.Is(cause, context.DeadlineExceeded) {
		t.Errorf("got the worker's cause %v, want context.DeadlineExceeded", cause)
	}
	if _, err := ep.Request(ctx, 0).Await(ctx); err != nil { // after the late reply, on the same path
		t.Fatal(err)
	}
	st := c.Stats()
	if st.Late != 1 || st.Completed != 1 || st.Cancelled != 1 {
		t.Errorf("got stats %+v, want 1 late, 1 completed, 1 cancelled", st)
	}
}

func TestNoResponders(t *testing.T) {
	ctx, s := withServer(t, 20*time.Second)
	c, _ := client(t, s)
	if _, err := natsdemux.NewEndpoint[int, int](c, "nobody", nil, nil).Request(ctx, 1).Await(ctx); !errors.Is(err, nats.ErrNoResponders) {
		t.Errorf("got %v, want nats.ErrNoResponders", err)
	}
}

func TestRetryNoResponders(t *testing.T) {
	ctx, s := withServer(t, 20*time.Second)
	c, nc := client(t, s, natsdemux.RetryNoResponders(5*time.Millisecond))
	call := natsdemux.NewEndpoint[int, int](c, "later", nil, nil).Request(ctx, 21)
	if err := nc.Flush(); err != nil { // the server has answered "no responders" by now
		t.Fatal(err)
	}
	serve(t, natstest.Connect(t, s.URL()), natsdemux.Worker[int, int]{Subject: "later", Func: double})
	if got, err := call.Await(ctx); got != 42 || err != nil {
		t.Errorf("got %d, %v, want 42, nil", got, err)
	}
}

func TestServeEndsWhenTheConnectionCloses(t *testing.T) {
	ctx, s := withServer(t, 20*time.Second)
	nc := natstest.Connect(t, s.URL())
	ready, done := make(chan struct{}), make(chan error, 1)
	w := natsdemux.Worker[int, int]{Subject: "double", Func: double, Started: func() { close(ready) }}
	go func() { done <- w.Serve(ctx, nc) }()
	await(t, ctx, ready, "worker start")
	nc.Close()
	err := receive(t, ctx, done, "Serve did not return once its connection was closed")
	if !errors.Is(err, nats.ErrConnectionClosed) {
		t.Errorf("got %v, want nats.ErrConnectionClosed", err)
	}
}

func TestServeEndsWithItsContext(t *testing.T) {
	ctx, s := withServer(t, 20*time.Second)
	started, causes := make(chan struct{}, 1), make(chan error, 1)
	cause := errors.New("shutting down")
	sctx, stop := context.WithCancelCause(ctx)
	done := make(chan error, 1)
	ready := make(chan struct{})
	w := natsdemux.Worker[int, int]{Subject: "slow", N: 1, Func: blocked(started, causes), Started: func() { close(ready) }}
	wnc := natstest.Connect(t, s.URL())
	go func() { done <- w.Serve(sctx, wnc) }()
	await(t, ctx, ready, "worker start")
	c, nc := client(t, s)
	ep := natsdemux.NewEndpoint[int, int](c, "slow", nil, nil)
	running := ep.Request(ctx, 1)
	await(t, ctx, started, "request at the worker")
	queued := ep.Request(ctx, 2) // behind the running one: N is 1
	// Once the server has routed it to the worker (the flush), the
	// worker's drain gets it before the server acknowledges its UNSUB.
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	stop(cause)
	if err := <-done; !errors.Is(err, context.Canceled) || !errors.Is(err, cause) {
		t.Errorf("got %v from Serve, want an error matching context.Canceled and the cause", err)
	}
	if got := <-causes; !errors.Is(got, cause) {
		t.Errorf("got the running request's cause %v, want Serve's", got)
	}
	var se *natsdemux.ServiceError
	if _, err := running.Await(ctx); !errors.As(err, &se) || se.Code != "500" {
		t.Errorf("running request: got %v, want the worker's error reply", err)
	}
	if _, err := queued.Await(ctx); !errors.Is(err, natsdemux.ErrWorkerStopped) {
		t.Errorf("queued request: got %v, want an error matching ErrWorkerStopped", err)
	}
}

func TestMaxInFlight(t *testing.T) {
	ctx, s := withServer(t, 20*time.Second)
	started, gate := make(chan struct{}, 2), make(chan struct{})
	serve(t, natstest.Connect(t, s.URL()), natsdemux.Worker[int, int]{Subject: "double", N: 2, Func: gated(started, gate)})
	c, _ := client(t, s, natsdemux.MaxInFlight(1))
	ep := natsdemux.NewEndpoint[int, int](c, "double", nil, nil)
	first := ep.Request(ctx, 1)
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := ep.Request(short, 2).Err(); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a second request with no slot: got %v, want context.DeadlineExceeded", err)
	}
	close(gate)
	if got, err := first.Await(ctx); got != 2 || err != nil {
		t.Errorf("got %d, %v, want 2, nil", got, err)
	}
	if got, err := ep.Request(ctx, 3).Await(ctx); got != 6 || err != nil { // the slot is free again
		t.Errorf("got %d, %v, want 6, nil", got, err)
	}
}
