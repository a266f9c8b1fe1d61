package stream

import (
	"context"
	"sync"
)

// group runs the goroutines of one run of an asynchronous operator (Merge,
// Buffer, BatchTime, ParallelMap). Its context is cancelled by the first
// error, by stop, or with the parent; a panic in a goroutine becomes that
// goroutine's error. The operator defers stop, so every goroutine has ended
// before the stream function returns, panics included.
type group struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	once   sync.Once
	err    error
}

func newGroup(ctx context.Context) *group {
	g := new(group)
	g.ctx, g.cancel = context.WithCancel(ctx)
	return g
}

// Go runs f in a new goroutine with the group's context.
func (g *group) Go(f func(ctx context.Context) error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := g.run(f); err != nil {
			g.fail(err)
		}
	}()
}

func (g *group) run(f func(ctx context.Context) error) (err error) {
	defer catch(&err)
	return f(g.ctx)
}

// fail records err if it is the first error, and cancels the group.
func (g *group) fail(err error) {
	g.once.Do(func() { g.err = err })
	g.cancel()
}

// stop cancels the group and waits for its goroutines to return.
func (g *group) stop() {
	g.cancel()
	g.wg.Wait()
}

// result waits for the goroutines and returns the first error recorded, or
// nil. It does not cancel them: it is for when they are ending on their own
// (the channel they feed is closed, or the group's context has ended).
func (g *group) result() error {
	g.wg.Wait()
	return g.err
}

// send sends v on ch unless ctx ends first, for producers.
func send[T any](ctx context.Context, ch chan<- T, v T) error {
	select {
	case ch <- v:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
