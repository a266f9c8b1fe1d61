package natstest_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/goresult/goresult/future/demux/natsdemux"
	"github.com/goresult/goresult/future/demux/natsdemux/internal/natstest"
	"github.com/goresult/goresult/stream"
	"github.com/nats-io/nats.go"
)

// responders serves three workers on "who", each answering with its
// index, and on "seq" a responder that answers n with 1..n and then 0.
func responders(t *testing.T, s *natstest.Server) {
	nc := natstest.Connect(t, s.URL())
	for i := range 3 {
		serve(t, nc, natsdemux.Worker[int, int]{Subject: "who", Func: func(context.Context, int) (int, error) { return i, nil }})
	}
	sub, err := nc.Subscribe("seq", func(m *nats.Msg) {
		n := int(m.Data[0] - '0')
		for i := 1; i <= n; i++ {
			_ = m.Respond([]byte{byte('0' + i)})
		}
		_ = m.Respond([]byte("0"))
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sub.Unsubscribe() })
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
}

func TestGather(t *testing.T) {
	const stall = 500 * time.Millisecond
	tests := []struct {
		name    string
		subject string
		until   natsdemux.Until[int]
		want    []int // sorted
		wantErr *natsdemux.GatherError
	}{
		{"count", "who", natsdemux.Until[int]{Count: 3}, []int{0, 1, 2}, nil},
		{"count of fewer", "who", natsdemux.Until[int]{Count: 2}, nil, nil}, // any two
		{"stall alone", "who", natsdemux.Until[int]{Stall: stall}, []int{0, 1, 2}, nil},
		{"stall before the count", "who", natsdemux.Until[int]{Count: 5, Stall: stall}, []int{0, 1, 2},
			&natsdemux.GatherError{Got: 3, Want: 5, Reason: natsdemux.ErrStalled}},
		{"sentinel", "seq", natsdemux.Until[int]{Sentinel: func(v int) bool { return v == 0 }}, []int{1, 2, 3}, nil},
		{"count before the sentinel", "seq", natsdemux.Until[int]{Count: 2, Sentinel: func(v int) bool { return v == 0 }}, []int{1, 2}, nil},
		{"stall before a sentinel", "who", natsdemux.Until[int]{Stall: stall, Sentinel: func(v int) bool { return v < 0 }}, []int{0, 1, 2},
			&natsdemux.GatherError{Got: 3, Reason: natsdemux.ErrStalled}},
		{"no responders", "nobody", natsdemux.Until[int]{Count: 1}, nil,
			&natsdemux.GatherError{Got: 0, Want: 1, Reason: nats.ErrNoResponders}},
	}
	ctx, s := withServer(t, 30*time.Second)
	responders(t, s)
	c, _ := client(t, s)
	for _, tt := range tests {
		ep := natsdemux.NewEndpoint[int, int](c, tt.subject, nil, nil)
		got, err := ep.Gather(3, tt.until).Collect(ctx)
		slices.Sort(got)
		if tt.want == nil && tt.wantErr == nil && len(got) != tt.until.Count {
			t.Errorf("%s: got %v, want %d values", tt.name, got, tt.until.Count)
		} else if tt.want != nil && !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
		var ge *natsdemux.GatherError
		switch {
		case tt.wantErr == nil && err != nil:
			t.Errorf("%s: got the error %v, want nil", tt.name, err)
		case tt.wantErr != nil && (!errors.As(err, &ge) || ge.Got != tt.wantErr.Got || ge.Want != tt.wantErr.Want || !errors.Is(err, tt.wantErr.Reason)):
			t.Errorf("%s: got the error %v, want %v", tt.name, err, tt.wantErr)
		}
	}
}

func TestGatherEnds(t *testing.T) {
	ctx, s := withServer(t, 30*time.Second)
	responders(t, s)
	c, _ := client(t, s)
	ep := natsdemux.NewEndpoint[int, int](c, "seq", nil, nil)
	until := natsdemux.Until[int]{Sentinel: func(v int) bool { return v == 0 }}

	t.Run("break", func(t *testing.T) {
		var got []int
		err := ep.Gather(5, until)(ctx, func(v int) error {
			got = append(got, v)
			return stream.ErrStop
		})
		if err != stream.ErrStop || !slices.Equal(got, []int{1}) {
			t.Errorf("got %v, %v, want [1], stream.ErrStop", got, err)
		}
	})
	t.Run("context cancelled", func(t *testing.T) {
		cause := errors.New("enough")
		gctx, cancel := context.WithCancelCause(ctx)
		defer cancel(nil)
		err := ep.Gather(5, natsdemux.Until[int]{Count: 100})(gctx, func(v int) error {
			if v == 2 {
				cancel(cause)
			}
			return nil
		})
		var ge *natsdemux.GatherError
		if !errors.As(err, &ge) || ge.Got < 2 || !errors.Is(err, context.Canceled) || !errors.Is(err, cause) {
			t.Errorf("got %v, want a GatherError after at least 2 replies matching context.Canceled and the cause", err)
		}
	})
	t.Run("client closed", func(t *testing.T) {
		cc, _ := client(t, s)
		if err := cc.Close(); err != nil {
			t.Fatal(err)
		}
		_, err := natsdemux.NewEndpoint[int, int](cc, "seq", nil, nil).Gather(1, until).Collect(ctx)
		var ge *natsdemux.GatherError
		if !errors.As(err, &ge) || ge.Got != 0 {
			t.Errorf("got %v, want a GatherError with no reply", err)
		}
	})
}
