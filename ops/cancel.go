package ops

import (
	"context"
	"fmt"

	"github.com/goresult/goresult/future"
)

// node is a result this package returns: cancelling it cancels the inputs
// it was built from. Cancel walks the tree of nodes in a loop, so that
// cancelling the end of a chain of any length takes bounded stack.
type node interface {
	// cancelInputs records cause, for inputs still to come (the result
	// Then's function returns), and pushes the inputs to cancel now. It
	// pushes nothing once the node is settled.
	cancelInputs(cause error, push func(future.Doner))
}

// cancelTree cancels n's inputs with cause, and theirs, down to the results
// that can stop work (tasks, demultiplexed calls), which it cancels with
// cause. Settled results are skipped.
func cancelTree(n node, cause error) {
	if cause == nil {
		cause = future.ErrCancelled
	}
	var stack []future.Doner
	push := func(d future.Doner) { stack = append(stack, d) }
	n.cancelInputs(cause, push)
	for len(stack) > 0 {
		d := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if w, ok := d.(interface{ IsDone() bool }); ok && w.IsDone() {
			continue
		}
		switch d := d.(type) {
		case node:
			d.cancelInputs(cause, push)
		case future.Canceler:
			d.Cancel(cause)
		}
	}
}

// cancelResult cancels r with cause if it can be cancelled.
func cancelResult(r any, cause error) {
	if c, ok := r.(future.Canceler); ok {
		c.Cancel(cause)
	}
}

// fixed is a result of this package settled when it is made: a Map of a
// settled input, say. It is a future.Result, a future.Notifier and a
// future.Canceler, with nothing to cancel, and costs its allocation only:
// no lock, no waiter list, nothing to make done.
type fixed[T any] struct {
	v   T
	err error
}

// closed is the Done channel of every fixed result.
var closed = func() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}()

func (*fixed[T]) Done() <-chan struct{}              { return closed }
func (f *fixed[T]) IsDone() bool                     { return f != nil }
func (*fixed[T]) Wait(context.Context) error         { return nil }
func (f *fixed[T]) Get() (T, error)                  { return f.v, f.err }
func (f *fixed[T]) Err() error                       { return f.err }
func (f *fixed[T]) Await(context.Context) (T, error) { return f.v, f.err }

// Register notifies w at once: the result is settled.
func (*fixed[T]) Register(w future.Waiter) future.Registration {
	w.Notify()
	return future.Registration{}
}

// Cancel does nothing: the result is settled.
func (*fixed[T]) Cancel(error) {}

func (*fixed[T]) cancelInputs(error, func(future.Doner)) {}

// String describes the result as a Future does: "Future(value=V)" or
// "Future(error=E)".
func (f *fixed[T]) String() string {
	if f.err != nil {
		return fmt.Sprintf("Future(error=%v)", f.err)
	}
	return fmt.Sprintf("Future(value=%v)", f.v)
}

// settled returns a settled result: v, or err if it is not nil.
func settled[T any](v T, err error) future.Result[T] {
	if err != nil {
		return &fixed[T]{err: err}
	}
	return &fixed[T]{v: v}
}

// settle settles out with v, or with err if it is not nil. A second
// settling is ignored: the first one wins.
func settle[T any](out *future.Future[T], v T, err error) {
	if err != nil {
		out.SetError(err)
		return
	}
	out.SetResult(v)
}

// forward settles out as the settled result r is.
func forward[T any](out *future.Future[T], r future.Result[T]) {
	v, err := r.Get()
	settle(out, v, err)
}
