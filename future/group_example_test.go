package future_test

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/sourcegraph/conc/pool"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

func ExampleGroup() {
	var g future.Group
	squares := make([]*future.Task[int], 4)
	for i := range squares {
		squares[i] = future.Go(&g, func() (int, error) { return i * i, nil })
	}
	if err := g.Wait(); err != nil {
		fmt.Println("failed:", err)
		return
	}
	for _, s := range squares {
		v, _ := s.Get() // settled: Wait returned
		fmt.Print(v, " ")
	}
	fmt.Println()
	// Output: 0 1 4 9
}

func ExampleNewGroup() {
	g, ctx := future.NewGroup(context.Background())
	fetch := future.GoContext(ctx, g, func(ctx context.Context) (string, error) {
		<-ctx.Done() // cancelled by the sibling's failure
		return "", context.Cause(ctx)
	})
	future.Go(g, func() (int, error) { return 0, errors.New("disk full") })
	fmt.Println("group:", g.Wait())
	fmt.Println("fetch:", fetch.Err())
	// Output:
	// group: disk full
	// fetch: disk full
}

func ExampleJoinErrors() {
	g, _ := future.NewGroup(context.Background(), future.JoinErrors())
	for _, name := range []string{"a", "b"} {
		future.Go(g, func() (int, error) { return 0, errors.New(name + " failed") })
	}
	err := g.Wait()
	fmt.Println(len(err.(interface{ Unwrap() []error }).Unwrap()), "errors")
	// Output: 2 errors
}

// A continuation may start the next task in a group at its limit: a task's
// slot is free before its result's callbacks run.
func ExampleGroup_SetLimit() {
	var g future.Group
	g.SetLimit(1)
	first := future.Go(&g, func() (int, error) { return 20, nil })
	second := ops.Then(first, func(v int) future.Result[int] {
		return future.Go(&g, func() (int, error) { return v + 1, nil })
	})
	fmt.Println(g.Wait())
	fmt.Println(second.Get())
	// Output:
	// <nil>
	// 21 <nil>
}

func ExampleGroup_TryGo() {
	var g future.Group
	g.SetLimit(1)
	hold := make(chan struct{})
	g.Go(func() error { <-hold; return nil })
	fmt.Println("accepted at the limit:", g.TryGo(func() error { return nil }))
	close(hold)
	fmt.Println(g.Wait())
	// Output:
	// accepted at the limit: false
	// <nil>
}

func ExampleContextPoolSpawner() {
	p := pool.New().WithContext(context.Background())
	answer := future.Go(future.ContextPoolSpawner(p), func() (int, error) { return 42, nil })
	fmt.Println(p.Wait())
	fmt.Println(answer.Get())
	// Output:
	// <nil>
	// 42 <nil>
}

func ExampleWaitGroupSpawner() {
	var wg sync.WaitGroup
	lookup := future.Go(future.WaitGroupSpawner(&wg), func() (string, error) {
		return "", errors.New("no such host") // only in the Task: a WaitGroup keeps no error
	})
	wg.Wait()
	fmt.Println(lookup.Err())
	// Output: no such host
}
