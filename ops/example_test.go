package ops_test

import (
	"context"
	"fmt"

	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

func ExampleWaitAll() {
	var g errgroup.Group
	gate := make(chan struct{})
	slow := future.Go(&g, func() (string, error) { <-gate; return "slow", nil })
	fast := future.Go(&g, func() (int, error) { return 1, nil })
	close(gate)
	// Results of different types wait together.
	if err := ops.WaitAll[future.Waitable](context.Background(), slow, fast); err != nil {
		fmt.Println(err)
	}
	fmt.Println(slow, fast)
	g.Wait()
	// Output: Task(value=slow) Task(value=1)
}

func ExampleWaitAny() {
	var g errgroup.Group
	never := make(chan struct{})
	mirrors := []*future.Task[string]{
		future.Go(&g, func() (string, error) { <-never; return "mirror-a", nil }),
		future.Go(&g, func() (string, error) { return "mirror-b", nil }),
	}
	first, err := ops.WaitAny(context.Background(), mirrors...)
	fmt.Println(first, err)
	close(never) // WaitAny does not cancel the others
	g.Wait()
	// Output: Task(value=mirror-b) <nil>
}

func ExampleResultsToChannel() {
	rs := []*future.Future[int]{future.New[int](), future.New[int](), future.New[int]()}
	ch := make(chan *future.Future[int])
	go ops.ResultsToChannel(context.Background(), rs, ch, true)
	rs[2].SetResult(30)
	fmt.Println(<-ch) // as completed
	rs[0].SetResult(10)
	rs[1].SetError(fmt.Errorf("unreachable"))
	for r := range ch { // closed once all are sent
		fmt.Println(r)
	}
	// Output:
	// Future(value=30)
	// Future(value=10)
	// Future(error=unreachable)
}
