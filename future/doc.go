// Package future provides results that are settled once and read by any
// number of goroutines: a settable [Future], and a [Task] that captures the
// value or error of a function run in a task group such as
// golang.org/x/sync/errgroup.
//
// Both satisfy [Result], the read side: [Result.Done] and [Result.IsDone] tell
// whether it is settled, [Result.Wait] blocks until it is, and [Result.Get],
// [Result.Err] and [Result.Await] read it.
//
// A Task's error is recorded in the Task and also returned to its group, so
// the group sees the failure at once and cancels the siblings, as it would
// without goresult; [SuppressError] records it without propagating it. A panic
// in a task becomes a [*PanicError]: it is recorded and always reaches the
// group. [GoContext] gives a task its own context, which [Task.Cancel] cancels
// with a cause; [GoStart] captures a start value and a final value.
//
// # Completion
//
// Settling a result runs the waiters registered with [Register] (or the
// functions given to [AfterFunc]) in the goroutine that settles it, and then
// makes it done: whoever sees a result done knows its callbacks have run.
// That is how package ops waits for many results without a goroutine per
// result, and third-party results and operators can do the same: a result
// that embeds a Future, or forwards [Notifier]'s Register to one, is waited
// for without a goroutine. A Future never starts a goroutine of its own.
// Settling a chain of results that settle one another (ops.Map on ops.Map,
// any depth) runs in a loop, on a bounded stack.
//
// # Panics, Goexit and cancellation
//
// A panic in a task's function becomes a [*PanicError] (value and stack):
// the task's error, and always its group's. runtime.Goexit in a task's
// function settles it with [ErrGoexit]. A panic in a callback is not the
// task's: the other callbacks still run, the result still becomes done, and
// the panic goes on in the settling goroutine. A task cancelled on its own
// ([Task.Cancel], which the operators of package ops call on the tasks that
// lose) never fails its group, whatever it returns; a panic still does.
//
// Rules of use: settle a Future with [Future.SetResult] or [Future.SetError]
// exactly once; a second call returns [ErrAlreadySet] and changes nothing.
// Reading a pending result returns [ErrNotDone]. Misuse that is a programming
// error (a nil function, a nil error, a nil group) panics with a message that
// starts with "future:".
package future
