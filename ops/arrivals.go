package ops

import (
	"context"
	"sync"
)

// doner is what every function of this package waits for.
type doner = interface{ Done() <-chan struct{} }

// arrivals collects the indices of results in the order they settle, from a
// completion callback on each, and hands them to one consumer goroutine.
type arrivals[R doner] struct {
	rs    []R
	regs  []registration
	mu    sync.Mutex
	ready []int
	wake  chan struct{} // holds a token while ready may be non-empty
}

// watch registers a callback on every result in rs. Results already settled
// arrive at once, in index order. The caller must call stop when it is done.
func watch[R doner](rs []R) *arrivals[R] {
	a := &arrivals[R]{rs: rs, wake: make(chan struct{}, 1)}
	a.regs = registerEach(rs, a.arrive, nil)
	return a
}

func (a *arrivals[R]) arrive(i int) {
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
func (a *arrivals[R]) next(ctx context.Context, spare []int) ([]int, error) {
	for {
		a.mu.Lock()
		if len(a.ready) > 0 {
			got := a.ready
			a.ready = spare[:0]
			a.mu.Unlock()
			return got, nil
		}
		a.mu.Unlock()
		done := ctx.Done()
		if done == nil { // a plain receive: cheaper, and less stack, than a select
			<-a.wake
			continue
		}
		select {
		case <-a.wake:
		case <-done:
			return nil, ctx.Err()
		}
	}
}

// stop removes the callbacks of the results that have not arrived.
func (a *arrivals[R]) stop() {
	cancelEach(a.rs, a.regs)
}
