package demux_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/goresult/goresult/future/demux"
	"github.com/goresult/goresult/ops"
)

func Example() {
	t := demux.New[string](demux.MaxInFlight(8))
	ctx := context.Background()
	a, _ := t.Add(ctx) // the transport writes a.ID() with the first request
	b, _ := t.Add(ctx) // and b.ID() with the second

	// The transport's reader, as replies arrive, in any order:
	t.Resolve(b.ID(), "second")
	t.Resolve(a.ID(), "first")
	t.Resolve(a.ID(), "again") // late: a is settled already

	fmt.Println(a.Await(ctx))
	fmt.Println(b.Await(ctx))
	fmt.Printf("%+v\n", t.Stats())
	// Output:
	// first <nil>
	// second <nil>
	// {Pending:0 Completed:2 Failed:0 Cancelled:0 Late:1}
}

func ExampleTable_FailAll() {
	t := demux.New[int]()
	call, _ := t.Add(context.Background())
	errReset := errors.New("connection reset by peer")
	t.FailAll(errReset) // the transport's reader lost the connection

	err := call.Err()
	fmt.Println(err)
	fmt.Println(errors.Is(err, demux.ErrConnLost), errors.Is(err, errReset))
	// Output:
	// demux: connection lost: connection reset by peer
	// true true
}

func ExampleCall_Cancel() {
	t := demux.New[int](demux.OnCancel(func(id uint64, cause error) {
		fmt.Printf("tell the peer: drop request %d (%v)\n", id, cause)
	}))
	call, _ := t.Add(context.Background())
	call.Cancel(errors.New("user gave up"))
	fmt.Println(call)
	fmt.Println("late:", !t.Resolve(call.ID(), 42), t.Stats().Late)
	// Output:
	// tell the peer: drop request 1 (user gave up)
	// Call(id=1, error=context canceled: user gave up)
	// late: true 1
}

func ExampleClient() {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	defer ln.Close()
	served := make(chan struct{})
	go func() { // a server that answers two requests, the second one first
		defer close(served)
		conn, _ := ln.Accept()
		defer conn.Close()
		var codec demux.BytesCodec
		r, w := bufio.NewReader(conn), bufio.NewWriter(conn)
		id1, req1, _ := codec.ReadRequest(r)
		id2, req2, _ := codec.ReadRequest(r)
		codec.WriteReply(w, id2, bytes.ToUpper(req2), nil)
		codec.WriteReply(w, id1, bytes.ToUpper(req1), nil)
		w.Flush()
		r.ReadByte() // until the client hangs up
	}()

	conn, _ := net.Dial("tcp", ln.Addr().String())
	c := demux.NewClient(conn, demux.BytesCodec{})
	ctx := context.Background()
	first, _ := c.Go(ctx, []byte("first"))
	second, _ := c.Go(ctx, []byte("second"))
	for _, call := range []*demux.Call[[]byte]{first, second} {
		reply, err := call.Await(ctx)
		fmt.Printf("%d: %s %v\n", call.ID(), reply, err)
	}
	c.Close()
	<-served
	// Output:
	// 1: FIRST <nil>
	// 2: SECOND <nil>
}

func ExampleTable_Add() {
	t := demux.New[string](demux.MaxInFlight(1))
	first, _ := t.Add(context.Background())

	// The table is full: Add waits for a slot, as long as its ctx lasts.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	_, err := t.Add(ctx)
	fmt.Println("while full:", err)

	t.Resolve(first.ID(), "done") // frees the slot
	second, err := t.Add(context.Background())
	fmt.Println("after a reply:", second.ID(), err)
	// Output:
	// while full: context deadline exceeded
	// after a reply: 2 <nil>
}

// The same request sent to two mirrors: the first reply wins and the other
// call is cancelled, its slot freed and its transport told.
func Example_race() {
	t := demux.New[string](demux.OnCancel(func(id uint64, cause error) {
		fmt.Printf("cancel request %d: %v\n", id, cause)
	}))
	ctx := context.Background()
	a, _ := t.Add(ctx) // sent to mirror A
	b, _ := t.Add(ctx) // sent to mirror B
	fastest := ops.Race(a, b)

	t.Resolve(b.ID(), "from B")
	fmt.Println(fastest.Await(ctx))
	fmt.Printf("%+v\n", t.Stats())
	// Output:
	// cancel request 1: ops: lost the race
	// from B <nil>
	// {Pending:0 Completed:1 Failed:0 Cancelled:1 Late:0}
}
