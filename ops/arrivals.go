package ops

import (
	"context"
	"sync"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/internal/ctxerr"
)

// arrivals collects the indices of results as they become done, from a
// wake-up registered on each, and hands them to one consumer goroutine. Its
// order is exact: first, in the order of rs, the results already done when
// watch reaches them; then the others in the order their wake-ups run, which
// is the order they become done.
type arrivals[R future.Doner] struct {
	es    []wakeEntry[R]
	mu    sync.Mutex
	ready []int
	wake  chan struct{} // holds a token while ready may be non-empty
}

// watch registers a wake-up on every result in rs that is not done yet. The
// caller must call stop when it is done, and must have checked rs for nil
// results.
func watch[R future.Doner](rs []R) *arrivals[R] {
	a := &arrivals[R]{es: make([]wakeEntry[R], len(rs)), wake: make(chan struct{}, 1)}
	var first []int // the results done when watch reaches them
	for i, r := range rs {
		if isDone(r) {
			first = append(first, i)
			continue
		}
		e := &a.es[i]
		e.i, e.a = i, a
		e.reg = future.Register(r, e)
	}
	if len(first) > 0 {
		a.mu.Lock()
		a.ready = append(first, a.ready...)
		a.mu.Unlock()
		a.signal()
	}
	return a
}

// isDone reports whether r is done, without blocking.
func isDone[R future.Doner](r R) bool {
	if d, ok := any(r).(interface{ IsDone() bool }); ok {
		return d.IsDone()
	}
	select {
	case <-r.Done():
		return true
	default:
		return false
	}
}

func (a *arrivals[R]) arrive(i int) {
	a.mu.Lock()
	a.ready = append(a.ready, i)
	a.mu.Unlock()
	a.signal()
}

func (a *arrivals[R]) signal() {
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
			return nil, ctxerr.Of(ctx)
		}
	}
}

// stop removes the wake-ups of the results that have not arrived.
func (a *arrivals[R]) stop() {
	for i := range a.es {
		a.es[i].reg.Stop()
	}
}
