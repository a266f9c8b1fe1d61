package future_test

import (
	"context"
	"errors"
	"fmt"
	"net"

	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
)

func ExampleGo() {
	g, ctx := errgroup.WithContext(context.Background())
	square := func(i int) func() (int, error) {
		return func() (int, error) { return i * i, ctx.Err() }
	}
	results := make([]*future.Task[int], 4)
	for i := range results {
		results[i] = future.Go(g, square(i))
	}
	if err := g.Wait(); err != nil {
		fmt.Println("failed:", err)
		return
	}
	for _, r := range results {
		v, _ := r.Get()
		fmt.Print(v, " ")
	}
	fmt.Println()
	// Output: 0 1 4 9
}

func ExampleGo_errorPropagates() {
	g, ctx := errgroup.WithContext(context.Background())
	failing := future.Go(g, func() (int, error) { return 0, errors.New("disk full") })
	sibling := future.Go(g, func() (int, error) {
		<-ctx.Done() // cancelled because failing returned its error to the group
		return 0, context.Cause(ctx)
	})
	fmt.Println("group:", g.Wait())
	fmt.Println("failing:", failing.Err())
	fmt.Println("sibling:", sibling.Err())
	// Output:
	// group: disk full
	// failing: disk full
	// sibling: disk full
}

func ExampleSuppressError() {
	var g errgroup.Group
	r := future.Go(&g, func() (int, error) { return 0, errors.New("optional lookup failed") },
		future.SuppressError())
	fmt.Println("group:", g.Wait())
	fmt.Println("task:", r.Err())
	// Output:
	// group: <nil>
	// task: optional lookup failed
}

func ExampleGoContext() {
	var g errgroup.Group
	errSuperseded := errors.New("superseded")
	running := make(chan struct{})
	slow := future.GoContext(context.Background(), &g, func(ctx context.Context) (string, error) {
		close(running)
		<-ctx.Done()
		return "", context.Cause(ctx)
	})
	<-running
	slow.Cancel(errSuperseded)
	fmt.Println("group:", g.Wait())
	fmt.Println("task:", slow.Err())
	// Output:
	// group: <nil>
	// task: superseded
}

func ExampleGoStart() {
	g, ctx := errgroup.WithContext(context.Background())
	ctx, stopServer := context.WithCancel(ctx)
	defer stopServer()
	addr, served := future.GoStart(ctx, g, func(ctx context.Context, started func(net.Addr)) (int, error) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return 0, err
		}
		defer ln.Close()
		started(ln.Addr()) // the caller may connect from now on
		<-ctx.Done()
		return 0, nil // requests served
	})
	a, err := addr.Await(context.Background())
	if err != nil {
		fmt.Println("did not start:", err)
		return
	}
	fmt.Println("listening on tcp:", a.Network() == "tcp")
	stopServer()
	fmt.Println("group:", g.Wait())
	fmt.Println(served)
	// Output:
	// listening on tcp: true
	// group: <nil>
	// Task(value=0)
}

func ExampleFuture() {
	f := future.New[string]()
	go f.SetResult("pong") // typically code that demultiplexes replies
	reply, err := f.Await(context.Background())
	fmt.Println(reply, err)
	fmt.Println(f.SetResult("again"))
	// Output:
	// pong <nil>
	// future: result already set
}

func ExampleFuture_String() {
	f := future.New[int]()
	fmt.Println(f)
	f.SetError(errors.New("timeout"))
	fmt.Println(f)
	fmt.Println(future.Resolved(42))
	// Output:
	// Future(pending)
	// Future(error=timeout)
	// Future(value=42)
}

func ExampleAfterFunc() {
	f := future.New[int]()
	future.AfterFunc(f, func() {
		v, _ := f.Get()
		fmt.Println("settled with", v) // runs inside SetResult, in its goroutine
	})
	f.SetResult(3)
	fmt.Println("after SetResult")
	// Output:
	// settled with 3
	// after SetResult
}

func ExamplePanicError() {
	var g errgroup.Group
	r := future.Go(&g, func() (int, error) { panic("nil map") })
	err := g.Wait()
	var pe *future.PanicError
	fmt.Println(errors.As(err, &pe), pe.Value, r.Err() == err)
	// Output: true nil map true
}

func ExampleNew() {
	f := future.New[int]()
	_, err := f.Get()
	fmt.Println(f.IsDone(), err)
	f.SetResult(7)
	fmt.Println(f.Get())
	// Output:
	// false future: result not done
	// 7 <nil>
}

func ExampleResolved() {
	var r future.Result[string] = future.Resolved("cached")
	fmt.Println(r.Await(context.Background()))
	// Output: cached <nil>
}

func ExampleFailed() {
	r := future.Failed[int](errors.New("no such key"))
	fmt.Println(r.Err(), r.IsDone())
	// Output: no such key true
}
