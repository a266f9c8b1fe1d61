package future

import "context"

// Waitable is the part of [Result] that does not depend on the value's type,
// so that results of different types can be held and waited for together (the
// functions of package ops accept it).
type Waitable interface {
	// Done returns a channel that is closed once the result is settled.
	Done() <-chan struct{}
	// IsDone reports whether the result is settled. It never blocks.
	IsDone() bool
	// Wait blocks until the result is settled or ctx is done. It returns
	// nil once settled, whether the result is a value or an error, and
	// ctx.Err() if ctx ends first: never the result's own error.
	Wait(ctx context.Context) error
	// Err returns the result's error, nil if it settled with a value, or
	// ErrNotDone while it is pending. It never blocks.
	Err() error
}

// Result is the read side of a value that is settled once, with a value or an
// error: a [Future], a [Task], or what the operators of package ops return.
// Its methods are safe to call from any number of goroutines.
type Result[T any] interface {
	Waitable
	// Get returns the value and error the result settled with, or the zero
	// value and ErrNotDone while it is pending. It never blocks.
	Get() (T, error)
	// Await waits as Wait does, then returns what Get returns. If ctx ends
	// first it returns the zero value and ctx.Err().
	Await(ctx context.Context) (T, error)
}

// Canceler is implemented by results whose work can be stopped: a [Task]
// started with [GoContext] or [GoStart], the results of package ops (which
// cancel the inputs they were built from), and a demultiplexed call. Cancel
// asks for the work to stop, with cause as the reason that context.Cause
// reports ([ErrCancelled] if cause is nil); it does not wait, and has no
// effect once the result is settled. It is safe to call concurrently and
// more than once: the first cause wins.
type Canceler interface {
	Cancel(cause error)
}
