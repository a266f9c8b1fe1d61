// Package ops waits for results and composes them.
//
// [WaitAll], [WaitAny] and [ResultsToChannel] are aioresult's wait_all,
// wait_any and results_to_channel: they take results of any value type, mixed
// too (hold them as []future.Waitable), and block until they are done or ctx
// ends.
//
// None of them starts a goroutine per result for the results of this module
// ([future.Future], [future.Task], and what the operators here return): they
// register a completion callback on each result with [future.AfterFunc], so
// waiting for N results costs O(N) memory and O(1) goroutines, and the
// callbacks are removed again when the wait ends early. Any other type with a
// Done() <-chan struct{} method works too, through one goroutine per result.
//
// A nil result panics with a message that starts with "future:".
package ops
