package rx_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/stream"
	"github.com/goresult/goresult/stream/rx"
	"github.com/reactivex/rxgo/v2"
)

// An RxGo pipeline, consumed as a typed stream.
func ExampleFromObservable() {
	obs := rxgo.Range(1, 10).
		Filter(func(v any) bool { return v.(int)%2 == 1 }).
		Map(func(_ context.Context, v any) (any, error) { return v.(int) * v.(int), nil })

	s := rx.FromObservable[int](obs)
	err := s(context.Background(), func(v int) error {
		fmt.Println(v)
		return nil
	})
	fmt.Println("err:", err)
	// Output:
	// 1
	// 9
	// 25
	// 49
	// 81
	// err: <nil>
}

// A single RxGo result (Reduce returns an OptionalSingle) as a stream of one
// value.
func ExampleFromObservable_reduce() {
	total := rxgo.Just(1, 2, 3, 4)().Reduce(func(_ context.Context, acc, v any) (any, error) {
		if acc == nil {
			return v, nil
		}
		return acc.(int) + v.(int), nil
	})
	err := rx.FromObservable[int](total)(context.Background(), func(v int) error {
		fmt.Println("total:", v)
		return nil
	})
	fmt.Println("err:", err)
	// Output:
	// total: 10
	// err: <nil>
}

// Stopping the stream early cancels the RxGo observation, so the goroutines
// RxGo started for Range and Map exit.
func ExampleFromObservable_stop() {
	s := rx.FromObservable[int](rxgo.Range(0, 1_000_000).Map(func(_ context.Context, v any) (any, error) {
		return v.(int) * 10, nil
	}))
	err := s(context.Background(), func(v int) error {
		fmt.Println(v)
		if v == 20 {
			return stream.ErrStop
		}
		return nil
	})
	fmt.Println(errors.Is(err, stream.ErrStop))
	// Output:
	// 0
	// 10
	// 20
	// true
}

// An item that is not of the stream's type ends the stream with a *TypeError.
func ExampleTypeError() {
	s := rx.FromObservable[int](rxgo.Just(1, "two", 3)())
	err := s(context.Background(), func(v int) error {
		fmt.Println(v)
		return nil
	})
	var te *rx.TypeError
	if errors.As(err, &te) {
		fmt.Printf("item %d: %q\n", te.Index, te.Value)
	}
	fmt.Println(err)
	// Output:
	// 1
	// item 1: "two"
	// rx: item 1 has type string, want int
}

// A stream handed to RxGo code, which keeps using RxGo's operators.
func ExampleToObservable() {
	var words stream.Stream[string] = func(ctx context.Context, yield func(string) error) error {
		for _, w := range []string{"go", "result", "rx", "stream"} {
			if err := yield(w); err != nil {
				return err
			}
		}
		return nil
	}

	lengths, err := rx.ToObservable(words).
		Map(func(_ context.Context, v any) (any, error) { return len(v.(string)), nil }).
		Filter(func(v any) bool { return v.(int) > 2 }).
		ToSlice(0)
	fmt.Println(lengths, err)
	// Output:
	// [6 6] <nil>
}

// An RxGo observer that stops early (here First) must observe with a
// context and cancel it, so that the goroutine running the stream ends.
func ExampleToObservable_cancel() {
	var naturals stream.Stream[int] = func(ctx context.Context, yield func(int) error) error {
		for i := 0; ; i++ {
			if err := yield(i); err != nil {
				return err // the observer's context ended
			}
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	first, err := rx.ToObservable(naturals).
		Filter(func(v any) bool { return v.(int) > 41 }).
		First(rxgo.WithContext(ctx)).
		Get()
	cancel()
	fmt.Println(first.V, err)
	// Output:
	// 42 <nil>
}

// A future.Result as a one-item observable.
func ExampleResultToObservable() {
	f := future.New[string]()
	obs := rx.ResultToObservable[string](f).
		Map(func(_ context.Context, v any) (any, error) { return "hello, " + v.(string), nil })

	_ = f.SetResult("world") // obs is cold: settling before observing is fine
	item, err := obs.First().Get()
	fmt.Println(item.V, err)

	failed := rx.ResultToObservable(future.Failed[int](errors.New("no luck")))
	fmt.Println(failed.Error())
	// Output:
	// hello, world <nil>
	// no luck
}
