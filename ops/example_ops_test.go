package ops_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/samber/lo"
	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

func ExampleMap() {
	port := future.New[string]()
	n := ops.Map(port, strconv.Atoi) // nothing runs yet
	port.SetResult("8080")           // Atoi runs here, in SetResult
	fmt.Println(n)

	bad := ops.Map(future.Resolved("eighty"), strconv.Atoi)
	fmt.Println(bad.Err() != nil)
	// Output:
	// Future(value=8080)
	// true
}

func ExampleThen() {
	var g errgroup.Group
	user := future.Go(&g, func() (string, error) { return "ada", nil })
	// Each step starts a task once the previous one has its value.
	greeting := ops.Then(user, func(name string) future.Result[string] {
		return future.Go(&g, func() (string, error) { return "hello, " + name, nil })
	})
	fmt.Println(greeting.Await(context.Background()))
	g.Wait()
	// Output: hello, ada <nil>
}

func ExampleCatch() {
	errMissing := errors.New("missing")
	cfg := future.Failed[string](errMissing)
	withDefault := ops.Catch(cfg, func(err error) (string, error) {
		if errors.Is(err, errMissing) {
			return "default", nil
		}
		return "", err
	})
	fmt.Println(withDefault)
	// Output: Future(value=default)
}

func ExampleAll() {
	fs := []*future.Future[int]{future.New[int](), future.New[int](), future.New[int]()}
	all := ops.All(fs...)
	fs[2].SetResult(30) // settled in any order...
	fs[0].SetResult(10)
	fs[1].SetResult(20)
	fmt.Println(all) // ...values in input order
	// Output: Future(value=[10 20 30])
}

func ExampleAllSettled() {
	rs := []future.Result[int]{future.Resolved(1), future.Failed[int](errors.New("down"))}
	settled, _ := ops.AllSettled(rs...).Get()
	for i, r := range settled {
		v, err := r.Get()
		fmt.Println(i, v, err)
	}
	// Output:
	// 0 1 <nil>
	// 1 0 down
}

func ExampleRace() {
	g, ctx := errgroup.WithContext(context.Background())
	slow := future.GoContext(ctx, g, func(ctx context.Context) (string, error) {
		<-ctx.Done() // a slow replica
		return "", context.Cause(ctx)
	})
	fast := future.GoContext(ctx, g, func(ctx context.Context) (string, error) {
		return "fast replica", nil
	})
	fmt.Println(ops.Race(slow, fast).Await(ctx))
	g.Wait()
	_, err := slow.Get()
	fmt.Println(errors.Is(err, ops.ErrLost)) // the loser was cancelled
	// Output:
	// fast replica <nil>
	// true
}

func ExampleAny() {
	rs := []future.Result[string]{
		future.Failed[string](errors.New("mirror 1 down")),
		future.Resolved("mirror 2"),
	}
	fmt.Println(ops.Any(rs...))

	down := []future.Result[string]{rs[0], future.Failed[string](errors.New("mirror 3 down"))}
	_, err := ops.Any(down...).Get()
	var all *ops.AnyError
	fmt.Println(errors.As(err, &all), len(all.Errs))
	fmt.Println(err)
	// Output:
	// Future(value=mirror 2)
	// true 2
	// ops: all 2 results failed
	// [0] mirror 1 down
	// [1] mirror 3 down
}

func ExampleMerge() {
	fs := []*future.Future[string]{future.New[string](), future.New[string](), future.New[string]()}
	fs[1].SetResult("b") // done before the run: it comes first
	// The others arrive in the order they settle; a failure does not end the
	// stream.
	err := ops.Merge(fs...)(context.Background(), func(r *future.Future[string]) error {
		fmt.Println(r)
		switch r {
		case fs[1]:
			go fs[2].SetError(errors.New("c failed"))
		case fs[2]:
			go fs[0].SetResult("a")
		}
		return nil
	})
	fmt.Println(err)
	// Output:
	// Future(value=b)
	// Future(error=c failed)
	// Future(value=a)
	// <nil>
}

func ExampleTimeout() {
	never := future.New[int]()
	_, err := ops.Timeout(never, 10*time.Millisecond).Await(context.Background())
	fmt.Println(err, errors.Is(err, context.DeadlineExceeded))

	fmt.Println(ops.Timeout(future.Resolved(1), time.Hour))
	// Output:
	// ops: timed out: context deadline exceeded true
	// Future(value=1)
}

func ExampleUntil() {
	ctx, cancel := context.WithCancel(context.Background())
	never := future.New[int]()
	r := ops.Until(ctx, never)
	cancel()
	fmt.Println(r.Await(context.Background()))
	// Output: 0 context canceled
}

func ExampleJoin2() {
	name, age := future.New[string](), future.New[int]()
	both := ops.Join2(name, age)
	age.SetResult(36)
	name.SetResult("ada")
	t, err := both.Get()
	fmt.Println(t.A, t.B, err)
	// Output: ada 36 <nil>
}

func ExampleJoin3() {
	t, err := ops.Join3(future.Resolved("ada"), future.Resolved(36), future.Resolved(true)).Get()
	fmt.Println(t, err)
	// Output: {ada 36 true} <nil>
}

func ExampleFromChannel() {
	ch := lo.Async(func() int { return 42 })
	r := ops.FromChannel(context.Background(), ch)
	fmt.Println(r.Await(context.Background()))
	// Output: 42 <nil>
}

func ExampleAsync() {
	r := ops.Async(func() (int, error) { return strconv.Atoi("12") })
	fmt.Println(r.Await(context.Background()))
	// Output: 12 <nil>
}

func ExampleToChannel() {
	f := future.New[string]()
	ch := ops.ToChannel(f)
	f.SetResult("ready")
	for v := range ch { // closed after the value
		fmt.Println(v)
	}
	// Output: ready
}
