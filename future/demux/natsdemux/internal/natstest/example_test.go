package natstest_test

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/goresult/goresult/future/demux/natsdemux"
	"github.com/goresult/goresult/future/demux/natsdemux/internal/natstest"
	"github.com/goresult/goresult/ops"
	"github.com/goresult/goresult/stream"
	"github.com/nats-io/nats.go"
)

// start runs an embedded server and w on it, and returns a connection and
// a function that stops them.
func start[T, R any](w ...natsdemux.Worker[T, R]) (*nats.Conn, func()) {
	srv, err := natstest.New()
	if err != nil {
		panic(err)
	}
	nc, err := nats.Connect(srv.URL())
	if err != nil {
		panic(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, len(w))
	for _, w := range w {
		ready := make(chan struct{})
		w.Started = func() { close(ready) }
		go func() { done <- w.Serve(ctx, nc) }()
		<-ready
	}
	return nc, func() {
		cancel()
		for range w {
			<-done
		}
		nc.Close()
		srv.Stop()
	}
}

func Example() {
	nc, stop := start(natsdemux.Worker[int, int]{
		Subject: "double", Queue: "doublers", N: 4,
		Func: func(_ context.Context, n int) (int, error) { return 2 * n, nil },
	})
	defer stop()

	c, err := natsdemux.New(nc)
	if err != nil {
		panic(err)
	}
	defer c.Close()
	double := natsdemux.NewEndpoint[int, int](c, "double", nil, nil)
	ctx := context.Background()

	fmt.Println(double.Request(ctx, 21).Await(ctx))
	both := ops.All(double.Request(ctx, 1), double.Request(ctx, 2))
	fmt.Println(both.Await(ctx))
	// Output:
	// 42 <nil>
	// [2 4] <nil>
}

func ExampleRemote() {
	nc, stop := start(natsdemux.Worker[int, int]{
		Subject: "square", Queue: "squarers", N: 4,
		Func: func(_ context.Context, n int) (int, error) { return n * n, nil },
	})
	defer stop()
	c, err := natsdemux.New(nc)
	if err != nil {
		panic(err)
	}
	defer c.Close()

	// The stage that was stream.ParallelMap(s, 8, stream.InputOrder, square)
	// runs on the workers of "square".
	square := natsdemux.Remote(natsdemux.NewEndpoint[int, int](c, "square", nil, nil))
	s := stream.ParallelMap(stream.FromSlice([]int{1, 2, 3, 4}), 8, stream.InputOrder, square)
	fmt.Println(s.Collect(context.Background()))
	// Output: [1 4 9 16] <nil>
}

func ExampleEndpoint_Gather() {
	replica := func(name string) natsdemux.Worker[string, string] {
		return natsdemux.Worker[string, string]{Subject: "ping", Func: func(context.Context, string) (string, error) {
			return name, nil
		}}
	}
	nc, stop := start(replica("a"), replica("b"), replica("c"))
	defer stop()
	c, err := natsdemux.New(nc)
	if err != nil {
		panic(err)
	}
	defer c.Close()

	ping := natsdemux.NewEndpoint[string, string](c, "ping", nil, nil)
	got, err := ping.Gather("hello", natsdemux.Until[string]{Count: 3}).Collect(context.Background())
	slices.Sort(got)
	fmt.Println(got, err)
	_, err = ping.Gather("hello", natsdemux.Until[string]{Count: 4, Stall: 300 * time.Millisecond}).Collect(context.Background())
	fmt.Println(err)
	// Output:
	// [a b c] <nil>
	// natsdemux: gather incomplete after 3 of 4 replies: natsdemux: gather stalled
}
