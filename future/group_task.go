package future

import (
	"context"
	"sync/atomic"
)

// The fast paths of Go, GoContext and GoStart on a *Group. Each starts the
// task's goroutine itself instead of handing a wrapper function to
// Group.Go, which saves that wrapper's allocation, and frees the task's slot
// when its function returns, before its result settles: the callbacks that
// settling runs may then start tasks in the same group without waiting for
// a slot this task still held. The task is counted out for Wait only after
// it has settled.

// mustGroup panics on a nil *Group inside a Spawner.
func mustGroup(g *Group) {
	if g == nil {
		panic("future: nil *Group")
	}
}

// groupOptions is makeOptions without its allocation when there is no option.
func groupOptions(opts []Option) options {
	if len(opts) == 0 {
		return options{}
	}
	return makeOptions(opts)
}

// goGroup is Go on a Group.
func goGroup[T any](g *Group, fn func() (T, error), o options) *Task[T] {
	mustGroup(g)
	t := new(Task[T])
	sem, taken := g.enter()
	go t.runIn(g, sem, taken, o, fn, nil)
	return t
}

// goGroupContext is GoContext on a Group.
func goGroupContext[T any](ctx context.Context, g *Group, fn func(context.Context) (T, error), o options) *Task[T] {
	mustGroup(g)
	t := &Task[T]{ctl: g.taskControl(ctx)}
	sem, taken := g.enter()
	go t.runIn(g, sem, taken, o, nil, fn)
	return t
}

// runIn is the goroutine of a task of g started by goGroup (fn) or
// goGroupContext (cfn, given the task's context): it takes the slot enter
// left to it, runs the function, frees the slot, settles t, and only then
// counts t out of g.
func (t *Task[T]) runIn(g *Group, sem chan struct{}, taken bool, o options, fn func() (T, error), cfn func(context.Context) (T, error)) {
	g.take(sem, taken)
	var err error
	returned := false
	defer func() {
		if t.ctl != nil {
			t.ctl.cancel(nil)
		}
		if !returned { // runtime.Goexit: run has settled t with ErrGoexit
			err = propagate(o, t.ctl, ErrGoexit)
		}
		g.exit(err)
	}()
	v, ferr := t.run(func() (T, error) {
		defer release(sem)
		if cfn != nil {
			return cfn(t.ctl.ctx)
		}
		return fn()
	})
	err = t.finish(o, v, ferr, false)
	returned = true
}

// goGroupStart is GoStart on a Group: the same cases as GoStart's, with the
// slot freed when fn returns.
func goGroupStart[S, T any](ctx context.Context, g *Group, fn func(context.Context, func(S)) (T, error), o options) (*Task[S], *Task[T]) {
	mustGroup(g)
	start, done := new(Task[S]), new(Task[T])
	ctl := g.taskControl(ctx)
	start.ctl, done.ctl = ctl, ctl
	var phase atomic.Int32 // 0 starting, 1 started, 2 returned before starting
	started := func(v S) {
		if !phase.CompareAndSwap(0, 1) {
			panic("future: started called twice, or after the task returned")
		}
		start.fut.settle(v, nil, true) // fn runs on: its goroutine holds its slot
	}
	sem, taken := g.enter()
	go func() {
		g.take(sem, taken)
		var err error
		returned := false
		defer func() {
			if phase.CompareAndSwap(0, 2) { // Goexit or a panic before starting
				err := done.fut.Err()
				if err == nil || err == ErrNotDone {
					err = ErrNotStarted
				}
				var zero S
				start.fut.settle(zero, err, false)
			}
			ctl.cancel(nil)
			if !returned {
				err = propagate(o, ctl, ErrGoexit)
			}
			g.exit(err)
		}()
		v, ferr := done.run(func() (T, error) {
			defer release(sem)
			return fn(ctl.ctx, started)
		})
		if ferr == nil && phase.CompareAndSwap(0, 2) {
			var zero S
			start.fut.settle(zero, ErrNotStarted, false)
			done.fut.settle(v, nil, false)
			err = propagate(o, ctl, ErrNotStarted)
		} else {
			err = done.finish(o, v, ferr, false)
		}
		returned = true
	}()
	return start, done
}
