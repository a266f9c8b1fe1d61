package natstest_test

import (
	"context"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/goresult/goresult/future/demux/natsdemux"
	"github.com/goresult/goresult/future/demux/natsdemux/internal/natstest"
	"github.com/goresult/goresult/stream"
)

func TestParallelMapOverAQueueGroup(t *testing.T) {
	const n, workers = 300, 3
	ctx, s := withServer(t, 30*time.Second)
	var served [workers]atomic.Int32
	for w := range workers { // three processes, as far as NATS can tell
		serve(t, natstest.Connect(t, s.URL()), natsdemux.Worker[int, int]{
			Subject: "square", Queue: "squarers", N: 2,
			Func: func(_ context.Context, v int) (int, error) {
				served[w].Add(1)
				return v * v, nil
			},
		})
	}
	c, _ := client(t, s)
	square := natsdemux.Remote(natsdemux.NewEndpoint[int, int](c, "square", nil, nil))
	in := make([]int, n)
	want := make([]int, n)
	for i := range in {
		in[i], want[i] = i, i*i
	}
	got, err := stream.ParallelMap(stream.FromSlice(in), 16, stream.InputOrder, square).Collect(ctx)
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("got %v, %v, want the %d squares in order", got, err, n)
	}
	for w := range served {
		if served[w].Load() == 0 {
			t.Errorf("worker %d served no request, want the queue group to spread %d over %d", w, n, workers)
		}
	}
}
