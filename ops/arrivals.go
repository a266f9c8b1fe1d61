package ops

import (
	"context"
	"sync"

	"github.com/goresult/goresult/future"
)

// doner is what every function of this package waits for.
type doner = interface{ Done() <-chan struct{} }

// arrivals collects the indices of results in the order they settle, from a
// completion callback on each, and hands them to one consumer goroutine.
type arrivals struct {
	mu    sync.Mutex
	ready []int
	wake  chan struct{} // holds a token while ready may be non-empty
	stops []func() bool
}

// watch registers a callback on every result in rs. Results already settled
// arrive at once, in index order. The caller must call stop when it is done.
func watch[R doner](rs []R) *arrivals {
	a := &arrivals{
		wake:  make(chan struct{}, 1),
		stops: make([]func() bool, len(rs)),
	}
	for i, r := range rs {
		a.stops[i] = future.AfterFunc(r, func() { a.arrive(i) })
	}
	return a
}

func (a *arrivals) arrive(i int) {
	a.mu.Lock()
	a.ready = append(a.ready, i)
	a.mu.Unlock()
	select {
	case a.wake <- struct{}{}:
	default:
	}
}

// next blocks until at least one result has arrived since the last call, or
// ctx is done, and returns the arrived indices in order. It reuses spare, the
// slice the previous call returned, for later arrivals.
func (a *arrivals) next(ctx context.Context, spare []int) ([]int, error) {
	for {
		a.mu.Lock()
		if len(a.ready) > 0 {
			got := a.ready
			a.ready = spare[:0]
			a.mu.Unlock()
			return got, nil
		}
		a.mu.Unlock()
		select {
		case <-a.wake:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// stop removes the callbacks of the results that have not arrived.
func (a *arrivals) stop() {
	for _, stop := range a.stops {
		stop()
	}
}
