package rx

import (
	"context"

	"github.com/goresult/goresult/future"
	"github.com/reactivex/rxgo/v2"
)

// ResultToObservable returns a cold RxGo observable that emits r's outcome
// once r is settled: its value as one item, or its error as one error item,
// then completes.
//
// Each observation waits for r in a new goroutine owned by the observable,
// which ends once r is settled and the item is taken, or once the observer's
// context (rxgo.WithContext) ends; in the latter case nothing is emitted. An
// observer that may stop before r settles must therefore pass a context and
// end it. Observing it never settles or cancels r.
//
// ResultToObservable panics if r is nil.
func ResultToObservable[T any](r future.Result[T]) rxgo.Observable {
	if r == nil {
		panic("rx: ResultToObservable of a nil result")
	}
	return rxgo.Defer([]rxgo.Producer{func(ctx context.Context, next chan<- rxgo.Item) {
		select {
		case <-r.Done():
		case <-ctx.Done():
			return
		}
		v, err := r.Get()
		if err != nil {
			rxgo.Error(err).SendContext(ctx, next)
			return
		}
		rxgo.Of(v).SendContext(ctx, next)
	}})
}
