// Package ops waits for results and composes them. A result here is a
// single-value observable: operators take results and return results (or a
// stream), wired lazily through completion callbacks.
//
// Waiting, as aioresult does: [WaitAll], [WaitAny] and [ResultsToChannel]
// (wait_all, wait_any, results_to_channel) take results of any value type,
// mixed too (hold them as []future.Waitable), and block until they are done
// or ctx ends.
//
// Composing, beyond aioresult:
//   - one result: [Map], [Then] (a flat map), [Catch] (recover from an error),
//     [Timeout] and [Until] (a deadline or a context);
//   - many results of one type: [All] (values in input order, failing early),
//     [AllSettled] (every outcome), [Race] (first settled), [Any] (first
//     success, or an [*AnyError] joining every failure), and [Merge] (the
//     results as they become done, as a stream.Stream);
//   - results of different types: [Join2] and [Join3], as lo tuples;
//   - again: [Retry] (a function run as a task until it succeeds, after a
//     stream.Backoff);
//   - adapters: [FromChannel] (a result from a channel, as lo.Async returns),
//     [Async] (a result from a function run in a goroutine), [ToChannel].
//
// # Rules every function keeps
//
//   - Inputs are read at the call: a function never reads the caller's slice
//     after it returns (Merge copies it), so a batching loop may reuse it.
//   - A nil input, or a nil pointer in a result interface (a nil
//     *future.Task), panics at the call, with the function's name: "ops: Race
//     of a nil result". A nil function panics the same way.
//   - No goroutine per input, and nothing blocks but the waits: for the
//     results of this module (any [future.Notifier]) the functions register a
//     waiter with [future.Register], so N inputs cost O(N) memory and O(1)
//     goroutines, and a Map, Then or Catch stage costs one allocation. Any
//     other [future.Doner] works too, through a goroutine per input.
//   - Handed out means done: a result that WaitAny, WaitAll,
//     ResultsToChannel, Merge or AllSettled hands out reports IsDone, and its
//     Wait does not block.
//   - Every result returned is a [future.Canceler]: cancelling it cancels the
//     inputs it was built from, down to the tasks that can stop work (a
//     task's Cancel is the end of the line; a plain [future.Future] is left
//     alone). Race and Any cancel the inputs that lose with [ErrLost];
//     Timeout and Until cancel their input when the deadline wins. An input
//     given to an operator is the operator's to cancel: share one knowingly.
//   - Depth costs no stack: a chain of any length (Map on Map, or a retry
//     loop written as Then returning Then) settles, and cancels, in a loop.
//   - A wait that ends because its context ended returns ctx.Err() joined
//     with context.Cause(ctx), so errors.Is matches both.
//
// # The functions given to Map, Then and Catch
//
// They run in the goroutine that settles their input, while it settles it
// (or at once, in the operator's caller, if the input is settled already),
// so they must be quick and must not block: start the slow work as a task
// and return its result (Then). A panic in one becomes a [*future.PanicError]
// in the output, never a crash of the settling goroutine; runtime.Goexit in
// one (t.FailNow in a test helper) settles the output with
// [future.ErrGoexit] before the goroutine exits. If the input is a task, the
// function runs in the task's goroutine; starting the next task there with
// [future.Go] in the same group never waits for the slot the finishing task
// still holds.
package ops
