package future

import (
	"context"
	"sync"
)

// ContextPoolSpawner adapts a group whose functions take a context, as
// conc's *pool.ContextPool does (Go(func(ctx context.Context) error)), to a
// [Spawner], so that [Go], [GoContext] and [GoStart] run tasks in it. A
// task's error reaches the pool as any of its functions' errors does (a pool
// made WithCancelOnError cancels its context, and its Wait returns the
// error); a panic reaches it as a [*PanicError] error, so the pool's Wait
// returns it instead of re-panicking.
//
// The pool's context is not handed to the task: a task started with
// GoContext has its own context, derived from the ctx given to GoContext
// (pass the one the pool was made WithContext from). To cancel tasks when a
// sibling fails, use a [Group] made by [NewGroup], whose context does that.
// The adapter costs no allocation. ContextPoolSpawner panics if p is nil.
func ContextPoolSpawner(p interface {
	Go(f func(ctx context.Context) error)
}) Spawner {
	if p == nil {
		panic("future: ContextPoolSpawner of a nil pool")
	}
	return contextPool{p}
}

type contextPool struct {
	p interface {
		Go(f func(ctx context.Context) error)
	}
}

func (c contextPool) Go(f func() error) {
	c.p.Go(func(context.Context) error { return f() })
}

// WaitGroupSpawner adapts a sync.WaitGroup to a [Spawner]: Go(f) calls
// wg.Go, so that [Go], [GoContext] and [GoStart] run tasks counted by wg,
// and wg.Wait waits for them. A WaitGroup has nowhere to put errors: each
// task's error lives only in its Task. A panic is recorded in its Task as a
// [*PanicError] and then panics on in the task's goroutine, crashing the
// program as a panic in a function given to wg.Go does: it is never
// swallowed. WaitGroupSpawner panics if wg is nil.
func WaitGroupSpawner(wg *sync.WaitGroup) Spawner {
	if wg == nil {
		panic("future: WaitGroupSpawner of a nil WaitGroup")
	}
	return waitGroup{wg}
}

type waitGroup struct{ wg *sync.WaitGroup }

func (w waitGroup) Go(f func() error) {
	w.wg.Go(func() {
		if pe, ok := f().(*PanicError); ok {
			panic(pe)
		}
	})
}
