package natstest_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/goresult/goresult/future/demux/natsdemux"
	"github.com/goresult/goresult/future/demux/natsdemux/internal/natstest"
	"github.com/goresult/goresult/ops"
)

func TestTenThousandConcurrentRequests(t *testing.T) {
	const n = 10_000
	ctx, s := withServer(t, 60*time.Second)
	gate := make(chan struct{})
	serve(t, natstest.Connect(t, s.URL()), natsdemux.Worker[int, int]{Subject: "double", Queue: "q", N: 8, Func: func(ctx context.Context, n int) (int, error) {
		<-gate // every request is pending when the goroutines are counted
		return 2 * n, nil
	}})
	c, _ := client(t, s)
	ep := natsdemux.NewEndpoint[int, int](c, "double", nil, nil)

	before := runtime.NumGoroutine()
	calls := make([]*natsdemux.Call[int], n)
	for i := range calls {
		calls[i] = ep.Request(ctx, i)
	}
	during := runtime.NumGoroutine()
	if st := c.Stats(); st.Pending != n {
		t.Fatalf("got %d requests pending, want %d", st.Pending, n)
	}
	close(gate)
	if err := ops.WaitAll(ctx, calls...); err != nil {
		t.Fatal(err)
	}
	for i, call := range calls {
		if got, err := call.Get(); err != nil || got != 2*i {
			t.Fatalf("request %d: got %d, %v, want %d, nil", i, got, err, 2*i)
		}
	}
	if during > before+50 {
		t.Errorf("got %d goroutines with %d requests pending, want at most %d", during, n, before+50)
	}
	st := c.Stats()
	if st.Completed != n || st.Pending != 0 || st.Late != 0 {
		t.Errorf("got stats %+v, want %d completed and nothing pending or late", st, n)
	}
}
