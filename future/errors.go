package future

import (
	"errors"
	"fmt"
	"runtime/debug"
)

var (
	// ErrNotDone is returned by Get and Err while a result is pending.
	ErrNotDone = errors.New("future: result not done")

	// ErrAlreadySet is returned by SetResult and SetError when the Future is
	// already settled.
	ErrAlreadySet = errors.New("future: result already set")

	// ErrNotStarted is the error of the start result of a task started with
	// GoStart whose function returned without calling started. It also
	// reaches the group, as an error the function did not report.
	ErrNotStarted = errors.New("future: task returned without reporting a start value")

	// ErrCancelled is the cause given to a task's context when Task.Cancel
	// is called with a nil cause.
	ErrCancelled = errors.New("future: task cancelled")

	// ErrGoexit is the error of a task whose function called runtime.Goexit
	// (as testing.T.FailNow does) instead of returning.
	ErrGoexit = errors.New("future: task called runtime.Goexit")
)

// PanicError is the error of a task whose function panicked. It holds the
// value passed to panic and the stack of the panicking goroutine.
type PanicError struct {
	Value any    // the value passed to panic
	Stack []byte // the goroutine's stack when it panicked, as debug.Stack formats it
}

// NewPanicError returns a PanicError holding v and the current goroutine's
// stack. Call it from the deferred function that recovered v, so that the
// stack shows where the panic started: it is how this module's operators,
// and third-party ones, turn a recovered panic into an error.
func NewPanicError(v any) *PanicError {
	return &PanicError{Value: v, Stack: debug.Stack()}
}

// Error returns "future: panic: " followed by the panic value.
func (e *PanicError) Error() string {
	return fmt.Sprintf("future: panic: %v", e.Value)
}

// Unwrap returns the panic value if it is an error, and nil otherwise, so that
// errors.Is and errors.As see through a panic(err).
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}
