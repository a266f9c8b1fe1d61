package natsdemux_test

import (
	"context"
	"errors"
	"testing"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/future/demux"
	"github.com/goresult/goresult/future/demux/natsdemux"
	"github.com/goresult/goresult/ops"
	"github.com/nats-io/nats.go"
)

func TestCancelErrorMatchesTheRequestersCause(t *testing.T) {
	tests := []struct {
		code string
		want error
	}{
		{"lost", ops.ErrLost},
		{"timeout", ops.ErrTimeout},
		{"timeout", context.DeadlineExceeded}, // ErrTimeout matches it
		{"cancelled", future.ErrCancelled},
		{"closed", demux.ErrClosed},
		{"conn-lost", demux.ErrConnLost},
		{"deadline", context.DeadlineExceeded},
		{"canceled", context.Canceled},
	}
	for _, tt := range tests {
		err := &natsdemux.CancelError{Code: tt.code, Text: "why"}
		if !errors.Is(err, tt.want) {
			t.Errorf("code %q: got %v not matching %v, want it to", tt.code, err, tt.want)
		}
	}
	if err := (&natsdemux.CancelError{Code: "other", Text: "why"}); errors.Unwrap(err) != nil {
		t.Errorf("unknown code: got Unwrap %v, want nil", errors.Unwrap(err))
	}
	if got, want := (&natsdemux.CancelError{Text: "why"}).Error(), "natsdemux: cancelled by the requester: why"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&natsdemux.ServiceError{Code: "404", Description: "not here"}, "natsdemux: service error 404: not here"},
		{&natsdemux.GatherError{Got: 3, Want: 5, Reason: natsdemux.ErrStalled}, "natsdemux: gather incomplete after 3 of 5 replies: natsdemux: gather stalled"},
		{&natsdemux.GatherError{Got: 2, Reason: natsdemux.ErrStalled}, "natsdemux: gather incomplete after 2 replies, with no sentinel: natsdemux: gather stalled"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
	if !errors.Is(natsdemux.ErrRepliesDropped, nats.ErrSlowConsumer) {
		t.Error("ErrRepliesDropped does not match nats.ErrSlowConsumer, want it to")
	}
	if ge := (&natsdemux.GatherError{Reason: context.Canceled}); !errors.Is(ge, context.Canceled) {
		t.Error("a GatherError does not match its Reason, want it to")
	}
}

func TestMisusePanics(t *testing.T) {
	tests := []struct {
		name string
		f    func()
	}{
		{"New(nil)", func() { _, _ = natsdemux.New(nil) }},
		{"MaxInFlight(0)", func() { natsdemux.MaxInFlight(0) }},
		{"RetryNoResponders(0)", func() { natsdemux.RetryNoResponders(0) }},
		{"NewEndpoint(nil)", func() { natsdemux.NewEndpoint[int, int](nil, "s", nil, nil) }},
		{"Remote(nil)", func() { natsdemux.Remote[int, int](nil) }},
		{"Serve(nil ctx)", func() {
			_ = natsdemux.Worker[int, int]{Subject: "s", Func: func(context.Context, int) (int, error) { return 0, nil }}.Serve(nil, &nats.Conn{}) //nolint:staticcheck
		}},
		{"Serve(no Func)", func() { _ = natsdemux.Worker[int, int]{Subject: "s"}.Serve(context.Background(), &nats.Conn{}) }},
		{"Serve(no Subject)", func() {
			_ = natsdemux.Worker[int, int]{Func: func(context.Context, int) (int, error) { return 0, nil }}.Serve(context.Background(), &nats.Conn{})
		}},
	}
	for _, tt := range tests {
		func() {
			defer func() {
				msg, _ := recover().(string)
				if len(msg) < 11 || msg[:11] != "natsdemux: " {
					t.Errorf("%s: got the panic %q, want one starting with %q", tt.name, msg, "natsdemux: ")
				}
			}()
			tt.f()
		}()
	}
}
