package demux_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/goresult/goresult/future/demux"
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
