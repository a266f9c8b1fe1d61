package natstest_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/future/demux/natsdemux"
	"github.com/goresult/goresult/future/demux/natsdemux/internal/natstest"
	"github.com/goresult/goresult/ops"
	"github.com/nats-io/nats.go"
)

func TestSlowConsumerFailsTheRequestsThatLostReplies(t *testing.T) {
	const n = 50
	ctx, s := withServer(t, 20*time.Second)
	release := make(chan struct{})
	serve(t, natstest.Connect(t, s.URL()), natsdemux.Worker[int, int]{Subject: "double", N: 4, Func: func(ctx context.Context, n int) (int, error) {
		if n == 0 {
			<-release // until its callback is in place
		}
		return 2 * n, nil
	}})
	slow := make(chan struct{}, 1)
	nc := natstest.Connect(t, s.URL(), nats.ErrorHandler(func(_ *nats.Conn, _ *nats.Subscription, err error) {
		if errors.Is(err, nats.ErrSlowConsumer) {
			select {
			case slow <- struct{}{}:
			default:
			}
		}
	}))
	c, err := natsdemux.New(nc, natsdemux.PendingLimits(4, -1))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ep := natsdemux.NewEndpoint[int, int](c, "double", nil, nil)

	// The first reply's callback holds up the inbox subscription while the
	// others pile up behind it, beyond its limit.
	blocked, block := make(chan struct{}), make(chan struct{})
	first := ep.Request(ctx, 0)
	future.AfterFunc(first, func() {
		close(blocked)
		<-block
	})
	close(release)
	await(t, ctx, blocked, "first reply")
	calls := []*natsdemux.Call[int]{first}
	for i := 1; i < n; i++ {
		calls = append(calls, ep.Request(ctx, i))
	}
	await(t, ctx, slow, "slow consumer error")
	close(block)

	counts := settles(calls)
	if err := ops.WaitAll(ctx, calls...); err != nil {
		t.Fatal(err) // a request waits for a reply that was dropped
	}
	values := checkSettledOnce(t, c, calls, counts, natsdemux.ErrRepliesDropped)
	if values == n {
		t.Errorf("got %d values, want some requests failed with ErrRepliesDropped", values)
	}
	for i, call := range calls {
		if err := call.Err(); err != nil && !errors.Is(err, nats.ErrSlowConsumer) {
			t.Errorf("request %d: got %v, want an error matching nats.ErrSlowConsumer too", i, err)
		}
	}
	if st := c.Stats(); st.Dropped == 0 {
		t.Errorf("got stats %+v, want replies counted as dropped", st)
	}
}
