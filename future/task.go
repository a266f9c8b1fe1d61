package future

import (
	"context"
	"sync/atomic"

	"github.com/goresult/goresult/internal/nilcheck"
)

// Spawner is a task group: anything that runs a function in a goroutine of
// its own and collects its error, as *errgroup.Group (golang.org/x/sync) and
// conc's *pool.ErrorPool do.
type Spawner interface {
	Go(f func() error)
}

// Task is the captured result of a function run in a task group by [Go],
// [GoContext] or [GoStart]. It is a [Result]; only its function settles it.
//
// A Task is made by those functions; its zero value is not useful.
type Task[T any] struct {
	fut Future[T]
	ctl *control // nil unless the task has a context of its own
}

// control is the context of a task started by GoContext or GoStart, shared by
// both results of GoStart.
type control struct {
	ctx    context.Context
	cancel context.CancelCauseFunc
	// cancelled is set by Task.Cancel, so that the error the function
	// returns because of it stays in the task instead of failing its group.
	cancelled atomic.Bool
}

func newControl(ctx context.Context) *control {
	if ctx == nil {
		panic("future: nil Context")
	}
	c := new(control)
	c.ctx, c.cancel = context.WithCancelCause(ctx)
	return c
}

// wasCancelled reports whether the task was cancelled on its own, through
// Task.Cancel (as the operators of package ops do with the tasks that lose).
func (c *control) wasCancelled() bool {
	return c != nil && c.cancelled.Load()
}

// Go runs fn in the group g and returns a Task that captures its value or
// error. It returns as soon as g.Go does (errgroup's Go blocks while the
// group is at its limit).
//
// fn's error is recorded in the Task and also returned to g, so g sees the
// failure (an errgroup made WithContext cancels its context, and so the
// siblings) and g.Wait returns it; with [SuppressError] it is only recorded.
// If fn panics, the panic is recovered into a [*PanicError] that is recorded
// and returned to g even with SuppressError: a panic is never swallowed.
//
// The Task's callbacks (ops.Then's function, say) run in the task's
// goroutine, before g sees it return. A callback that starts the next task
// with Go in the same g, while g is at its limit, does not wait for a slot
// there (the finishing task holds one): if g has a TryGo method, as
// errgroup's does, Go tries it, and otherwise, or if g is full, Go hands the
// g.Go call to a goroutine that waits for a slot. g.Wait may then return
// before that task starts; a [Group] counts it.
//
// On an errgroup a task costs about 100 ns and one allocation (the Task)
// more than an errgroup task that writes its result into a variable
// (BenchmarkTask); on a [Group], less. Go panics if g or fn is nil.
func Go[T any](g Spawner, fn func() (T, error), opts ...Option) *Task[T] {
	if fn == nil {
		panic("future: Go with a nil function")
	}
	if grp, ok := g.(*Group); ok {
		return goGroup(grp, fn, groupOptions(opts))
	}
	t := newTask[T](g)
	o := makeOptions(opts)
	spawn(g, func() error {
		v, err := t.run(fn)
		return t.finish(o, v, err, true)
	})
	return t
}

// spawn calls g.Go(f), unless a callback is running in a task's goroutine
// that holds its group's slot: that callback may be the caller, and g.Go
// would then wait for a slot that the caller itself holds. The counter
// cannot tell which goroutine the callback runs in, so while one runs
// anywhere, spawn does not block: it tries g's TryGo, and otherwise hands
// g.Go to a goroutine of its own.
func spawn(g Spawner, f func() error) {
	if heldCallbacks.Load() == 0 {
		g.Go(f)
		return
	}
	if tg, ok := g.(interface{ TryGo(func() error) bool }); ok && tg.TryGo(f) {
		return
	}
	go g.Go(f)
}

// GoContext is [Go] for a function that takes a context. The task gets its
// own context, derived from ctx, which [Task.Cancel] cancels with a cause
// that context.Cause reports; ops.Race and ops.Any cancel the tasks that
// lose. Pass the group's context (errgroup.WithContext's) as ctx so that the
// task is cancelled with its group too.
//
// Once the task has been cancelled through Task.Cancel (as ops.Race and
// ops.Timeout cancel the tasks that lose), the error its function returns is
// recorded in the Task but does not reach the group, whatever it is (many
// clients answer a cancellation with an error of their own that does not
// wrap context.Canceled), so that cancelling one task does not fail its
// siblings. A panic still reaches the group. Before that, errors and panics
// behave as with Go.
//
// GoContext panics if ctx, g or fn is nil.
func GoContext[T any](ctx context.Context, g Spawner, fn func(ctx context.Context) (T, error), opts ...Option) *Task[T] {
	if fn == nil {
		panic("future: GoContext with a nil function")
	}
	if grp, ok := g.(*Group); ok {
		return goGroupContext(ctx, grp, fn, groupOptions(opts))
	}
	t := newTask[T](g)
	t.ctl = newControl(ctx)
	o := makeOptions(opts)
	spawn(g, func() error {
		defer t.ctl.cancel(nil)
		v, err := t.run(func() (T, error) { return fn(t.ctl.ctx) })
		return t.finish(o, v, err, true)
	})
	return t
}

func newTask[T any](g Spawner) *Task[T] {
	if nilcheck.Is(g) {
		panic("future: nil Spawner")
	}
	return new(Task[T])
}

// run calls fn, turning a panic or runtime.Goexit into an error. On Goexit it
// settles t itself, since run does not return.
func (t *Task[T]) run(fn func() (T, error)) (v T, err error) {
	returned := false
	defer func() {
		if returned {
			return
		}
		if p := recover(); p != nil {
			err = NewPanicError(p)
			return
		}
		var zero T
		t.fut.settle(zero, ErrGoexit, true) // Goexit: let it go on, but settle first
	}()
	v, err = fn()
	returned = true
	return v, err
}

// finish settles t and returns the error its group should see. held says
// that the task's goroutine still holds its group's slot.
func (t *Task[T]) finish(o options, v T, err error, held bool) error {
	if err == nil {
		t.fut.settle(v, nil, held)
		return nil
	}
	var zero T
	t.fut.settle(zero, err, held)
	return propagate(o, t.ctl, err)
}

// propagate returns err if it should reach the group, and nil if not: a
// panic always does; another error does not if it is suppressed or the task
// was cancelled on its own.
func propagate(o options, c *control, err error) error {
	if _, ok := err.(*PanicError); ok {
		return err
	}
	if o.suppress || c.wasCancelled() {
		return nil
	}
	return err
}

// Cancel cancels the context of a task started with [GoContext] or
// [GoStart], with cause as the reason context.Cause reports ([ErrCancelled]
// if cause is nil). It does not wait for the task to return. It has no effect
// on a task started with [Go], after the first call, or once the function has
// returned.
func (t *Task[T]) Cancel(cause error) {
	if t.ctl == nil {
		return
	}
	if cause == nil {
		cause = ErrCancelled
	}
	if t.ctl.cancelled.CompareAndSwap(false, true) {
		t.ctl.cancel(cause)
	}
}

// Done returns a channel that is closed once the task has finished.
func (t *Task[T]) Done() <-chan struct{} { return t.fut.Done() }

// IsDone reports whether the task has finished. It never blocks.
// A nil *Task is never finished (and the functions that wait for one panic).
func (t *Task[T]) IsDone() bool { return t != nil && t.fut.IsDone() }

// Wait blocks until the task has finished or ctx is done. It returns nil once
// the task has finished, whether it failed or not, and ctx.Err() if ctx ends
// first (joined with its cause, as [Future.Wait] does). It does not cancel
// the task.
func (t *Task[T]) Wait(ctx context.Context) error { return t.fut.Wait(ctx) }

// Get returns the value and error the task finished with, or the zero value
// and [ErrNotDone] while it is running. It never blocks.
func (t *Task[T]) Get() (T, error) { return t.fut.Get() }

// Err returns the task's error, nil if it succeeded, or [ErrNotDone] while it
// is running. It never blocks.
func (t *Task[T]) Err() error { return t.fut.Err() }

// Await waits for the task as Wait does, then returns what Get returns. If
// ctx ends first it returns the zero value and the error Wait returns; the
// task runs on.
func (t *Task[T]) Await(ctx context.Context) (T, error) { return t.fut.Await(ctx) }

// String describes the task's state as "Task(pending)", "Task(value=V)" or
// "Task(error=E)".
func (t *Task[T]) String() string { return describe("Task", t) }

// Register adds w to the task's waiters, or notifies it at once if the task
// has finished; see the package function [Register].
func (t *Task[T]) Register(w Waiter) Registration {
	if t == nil {
		panic("future: Register on a nil *Task")
	}
	return t.fut.Register(w)
}
