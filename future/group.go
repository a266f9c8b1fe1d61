package future

import (
	"context"
	"errors"
	"slices"
	"sync"
)

// Group is a task group that knows it holds results. [Go] on a *Group
// costs one allocation (the [Task]) besides the goroutine; [GoContext] and
// [GoStart] add only the task's own context, which, unlike a
// context.WithCancelCause of the group's context, costs no entry in that
// context's children (a map behind a lock that every sibling takes twice). A
// task's limit slot is released before its result's
// callbacks run, so that a continuation (ops.Then) may start the next task
// in the same limited group. A Group is also a [Spawner] in its own right, a
// drop-in for *errgroup.Group.
//
// A zero Group is ready to use; it has no context and no limit, and keeps
// the first error. [NewGroup] makes one with a context that is cancelled on
// the first failure. A Group must not be copied after first use.
//
// Errors: [Group.Wait] returns the first error, or every error joined with
// [JoinErrors]; each task's own error also stays in its Task. A panic in a
// task (or in a function given to [Group.Go]) is recovered into a
// [*PanicError], recorded, and returned by Wait in preference to any error;
// it is never re-panicked. A function that calls runtime.Goexit fails the
// group with [ErrGoexit]. A task cancelled through [Task.Cancel] (or by an
// operator cancelling the losers of a race) never fails the group, except by
// a panic.
//
// Go, TryGo and Wait may be called concurrently; SetLimit must not be called
// concurrently with them. The group may be reused after Wait returns: Go
// starts new tasks, and the next Wait returns the errors recorded so far
// (the first error is kept, as errgroup keeps it). The context of a group
// made by NewGroup stays cancelled once Wait has returned, so tasks started
// with it afterwards start cancelled, as with errgroup.
type Group struct {
	wg  sync.WaitGroup
	sem chan struct{} // the limit's slots; nil without a limit

	mu     sync.Mutex
	failed bool        // a failure has been recorded
	err    error       // the first error
	panic  *PanicError // the first panic
	scope  *scope      // nil for a zero Group, so that it stays small
}

// scope is what NewGroup adds to a Group: its context and its options.
type scope struct {
	mu   sync.Mutex // guards live and stop; errs is guarded by the Group's mu
	join bool       // keep every error, not only the first
	errs []error    // every error, with join

	ctx    context.Context
	cancel context.CancelCauseFunc
	// detached is the parent of the tasks' own contexts: ctx's values
	// without its cancellation, so that a task's context costs no entry in
	// ctx's children (a shared lock and a map). The group cancels those
	// contexts itself, from live. It is nil when ctx has a deadline: a
	// task's context must then see the deadline itself.
	detached context.Context
	live     []*control  // contexts made from detached; finished ones are swept lazily
	stop     func() bool // stops the watch on ctx that cancels live; nil when not armed
	// watch is false when ctx's parent is never cancelled (Background):
	// then only the group cancels ctx, and it cancels live itself.
	watch bool
}

// NewGroup returns a Group and a context derived from ctx. The context is
// cancelled, with the failure as its context.Cause, the first time a task of
// the group fails (an error that reaches the group, or a panic), and, as
// errgroup.WithContext's is, once Wait returns. Tasks started with
// [GoContext] or [GoStart] on the group and this context get contexts of
// their own, cancelled with the same cause when the group fails or ctx ends.
//
// NewGroup panics if ctx is nil. The group's resources are released by Wait.
func NewGroup(ctx context.Context, opts ...GroupOption) (*Group, context.Context) {
	if ctx == nil {
		panic("future: NewGroup with a nil Context")
	}
	s := new(scope)
	for _, o := range opts {
		o.applyGroup(s)
	}
	s.ctx, s.cancel = context.WithCancelCause(ctx)
	s.watch = ctx.Done() != nil
	if _, ok := s.ctx.Deadline(); !ok {
		s.detached = context.WithoutCancel(s.ctx)
	}
	return &Group{scope: s}, s.ctx
}

// SetLimit limits the number of tasks running in the group at once to n; a
// negative n removes the limit. Go then blocks while the group is at its
// limit. A task's slot is freed as soon as its function returns, before its
// result settles, so a continuation that starts a task in the group does not
// wait for its own slot.
//
// SetLimit panics if tasks hold slots of the current limit (errgroup panics
// too): set the limit before starting tasks, or after Wait. Tasks started
// while the group had no limit do not count against a new one.
func (g *Group) SetLimit(n int) {
	if len(g.sem) != 0 {
		panic("future: SetLimit while tasks of the group are running")
	}
	if n < 0 {
		g.sem = nil
		return
	}
	g.sem = make(chan struct{}, n)
}

// Go runs f in a new goroutine of the group, blocking first while the group
// is at its limit. An error f returns fails the group (see [Group]); a panic
// in f is recovered into a [*PanicError] that Wait returns. Go panics if f is
// nil.
//
// Go may be called from a task of the group, or from a continuation of one,
// while Wait waits: Wait then waits for the new task too.
func (g *Group) Go(f func() error) {
	if f == nil {
		panic("future: Group.Go with a nil function")
	}
	sem, taken := g.enter()
	go g.run(sem, taken, f)
}

// TryGo runs f in a new goroutine of the group, as Go does, only if the group
// is below its limit, and reports whether it did. It never blocks. TryGo
// panics if f is nil.
func (g *Group) TryGo(f func() error) bool {
	if f == nil {
		panic("future: Group.TryGo with a nil function")
	}
	sem := g.sem
	if sem != nil {
		select {
		case sem <- struct{}{}:
		default:
			return false
		}
	}
	g.wg.Add(1)
	go g.run(sem, true, f)
	return true
}

// Wait blocks until every task started in the group has returned and its
// result has settled, tasks started meanwhile by other tasks or by their
// continuations included: a Task's Get right after Wait never returns
// [ErrNotDone]. It then cancels the group's context (as errgroup does) and
// returns the first panic as a [*PanicError] if a task panicked, else the
// first error (every error, joined, with [JoinErrors]), else nil.
func (g *Group) Wait() error {
	g.wg.Wait()
	g.mu.Lock()
	err := g.outcomeLocked()
	g.mu.Unlock()
	if g.scope != nil {
		g.scope.cancelTasks(err)
	}
	return err
}

func (g *Group) outcomeLocked() error {
	switch {
	case g.panic != nil:
		return g.panic
	case g.scope != nil && g.scope.join:
		return errors.Join(g.scope.errs...)
	default:
		return g.err
	}
}

// enter takes a slot, blocking at the limit, and counts a task for Wait. It
// returns the channel the slot was taken from, for release.
//
// While a callback runs in a task's goroutine that holds its slot (a GoStart
// task's start value's, say), the caller may be that callback, and waiting
// here for a slot could wait for its own: enter then leaves the slot to be
// taken (taken is false) by the new task's goroutine, with take.
func (g *Group) enter() (sem chan struct{}, taken bool) {
	sem = g.sem
	if sem != nil {
		select {
		case sem <- struct{}{}:
		default:
			if heldCallbacks.Load() > 0 {
				g.wg.Add(1)
				return sem, false
			}
			sem <- struct{}{}
		}
	}
	g.wg.Add(1)
	return sem, true
}

// take takes the slot that enter left to the task's goroutine.
func (g *Group) take(sem chan struct{}, taken bool) {
	if !taken {
		sem <- struct{}{}
	}
}

// release frees a slot taken from sem.
func release(sem chan struct{}) {
	if sem != nil {
		<-sem
	}
}

// exit records what a task's goroutine returns to the group, and then
// counts the task out for Wait. It is the last thing a task does.
func (g *Group) exit(err error) {
	g.fail(err)
	g.wg.Done()
}

// run is the goroutine of a function given to Go or TryGo.
func (g *Group) run(sem chan struct{}, taken bool, f func() error) {
	g.take(sem, taken)
	err := ErrGoexit // what the group sees if f calls runtime.Goexit
	defer func() {
		release(sem)
		g.exit(err)
	}()
	err = protect(f)
}

// protect calls f, turning a panic into a *PanicError.
func protect(f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = NewPanicError(p)
		}
	}()
	return f()
}

// fail records err, if not nil, and on the group's first failure cancels its
// context and the tasks' contexts with err as the cause.
func (g *Group) fail(err error) {
	if err == nil {
		return
	}
	g.mu.Lock()
	first := !g.failed
	g.failed = true
	pe, isPanic := err.(*PanicError)
	switch {
	case isPanic:
		if g.panic == nil {
			g.panic = pe
		}
	case g.scope != nil && g.scope.join:
		g.scope.errs = append(g.scope.errs, err)
	case g.err == nil:
		g.err = err
	}
	g.mu.Unlock()
	if first && g.scope != nil {
		g.scope.cancelTasks(err)
	}
}

// cancelTasks cancels the group's context with cause (if it is not already
// done) and then the contexts of its live tasks with the context's cause.
func (s *scope) cancelTasks(cause error) {
	s.mu.Lock()
	stop := s.stop
	s.stop = nil
	s.mu.Unlock()
	if stop != nil {
		stop() // the watch would only do what follows, in a goroutine of its own
	}
	s.cancel(cause)
	s.cancelLive()
}

// cancelLive cancels the contexts of the live tasks with the cause of the
// group's context, which is done.
func (s *scope) cancelLive() {
	s.mu.Lock()
	live := s.live
	s.live = nil
	s.mu.Unlock()
	cause := context.Cause(s.ctx)
	for _, c := range live {
		c.cancel(cause)
	}
}

// taskControl returns the context of a task of g started with ctx. For the
// group's own context it is derived from detached and listed in live; for
// any other context it is the usual one.
func (g *Group) taskControl(ctx context.Context) *control {
	s := g.scope
	if s == nil || ctx != s.ctx || s.detached == nil {
		return newControl(ctx)
	}
	c := newControl(s.detached)
	s.mu.Lock()
	if s.ctx.Err() != nil { // failed, ended or waited for: born cancelled
		s.mu.Unlock()
		c.cancel(context.Cause(s.ctx))
		return c
	}
	if s.stop == nil && s.watch {
		s.stop = context.AfterFunc(s.ctx, s.cancelLive)
	}
	if len(s.live) == cap(s.live) {
		// Sweep out the finished, then leave room for as many again, so
		// that the sweeps cost O(1) a task however many stay live.
		s.live = slices.DeleteFunc(s.live, finished)
		s.live = slices.Grow(s.live, len(s.live)+1)
	}
	s.live = append(s.live, c)
	s.mu.Unlock()
	return c
}

// finished reports whether the task whose context is c has returned (its
// goroutine cancels c as it ends) or been cancelled.
func finished(c *control) bool { return c.ctx.Err() != nil }
