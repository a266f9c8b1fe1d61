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
//     settled results in completion order, as a stream.Stream);
//   - results of different types: [Join2] and [Join3], as lo tuples;
//   - adapters: [FromChannel] (a result from a channel, as lo.Async returns),
//     [Async] (a result from a function run in a goroutine), [ToChannel].
//
// Race and Any cancel the inputs that lose when those are tasks with a
// context of their own (future.GoContext), with the cause [ErrLost]; plain
// futures are left alone. Every operator removes its callbacks from inputs
// that no longer matter, so a long-pending input does not keep an operator's
// output alive.
//
// Costs: none of these functions starts a goroutine per result for the
// results of this module ([future.Future], [future.Task], and what the
// operators here return). They register a waiter on each result, so N
// results cost O(N) memory and O(1) goroutines; a Map, Then or Catch stage
// costs one allocation. Any other type with a Done() <-chan struct{} method
// works too, through future.AfterFunc's goroutine per result.
//
// The functions given to Map, Then and Catch run in the goroutine that
// settles their input, while it settles it (or at once, if it is settled
// already), so they must be quick and must not block. A panic in one becomes a
// [*future.PanicError] in the output, never a crash of the settling
// goroutine. A nil function panics with a message that starts with "ops:", a
// nil result with one that starts with "ops:" or "future:".
package ops
