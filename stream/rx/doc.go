// Package rx bridges [stream.Stream] and RxGo (github.com/reactivex/rxgo/v2),
// so that a program written with RxGo can move to goresult one pipeline at a
// time. It lives in its own package so that package stream does not import
// RxGo.
//
//   - [FromObservable] runs an RxGo observable (or Single, or OptionalSingle)
//     as a typed stream: an item of the wrong type is a [*TypeError], an error
//     item is the stream's error, and the observation is cancelled when the
//     stream stops.
//   - [ToObservable] and [ResultToObservable] go the other way: a stream, or
//     a future.Result as a one-item observable, for RxGo code downstream.
//
// # Goroutines and RxGo
//
// RxGo runs every stage of a pipeline in its own goroutine and stops them
// only through a context: the one given to Observe with rxgo.WithContext
// (which lazy observables pass up their whole chain) or the one given when an
// eager source was built. An RxGo stage that stops reading early (Take, First,
// Find, TakeWhile, ...) does not tell the stages above it, which then stay
// blocked forever unless that context ends. Hence the two rules of this
// package:
//
//   - [FromObservable] observes with a context of its own and cancels it when
//     the stream returns, for whatever reason. Every goroutine of a lazy RxGo
//     chain (Just, Range, Defer, FromChannel, and the operators applied to
//     them) then exits; RxGo gives no way to wait for that, so they exit
//     shortly after the stream returns rather than before.
//   - The observables built by [ToObservable] and [ResultToObservable] run in
//     one goroutine per observation, owned by the observable. It ends when
//     the stream ends or when the observer's context ends, so an RxGo
//     observer must pass rxgo.WithContext(ctx) and cancel ctx when it stops
//     early, as for any RxGo source.
//
// What the bridge cannot stop: RxGo code that starts its goroutines when it is
// built rather than when it is observed uses the context given to it at
// construction, never the observer's. These are the sources Interval, Create,
// Start, Timer, Merge, Concat, Amb, CombineLatest and FromEventSource; the
// operators FlatMap, StartWith, ZipFromIterable, Retry, BackOffRetry, GroupBy,
// Sample, SequenceEqual, Serialize, Join, Debounce, TimeInterval and the
// time-based Buffer and Window operators; anything built with the Eager
// observation strategy; and connectable observables. Build them with
// rxgo.WithContext(ctx) and cancel ctx once the stream has returned; without
// it, stopping a stream over them early strands their goroutines, as it does
// in plain RxGo.
//
// Some RxGo stages send without watching any context: Merge and Concat (for
// every item), Reduce's error path and OptionalSingle.Map. A stream that stops
// early while such a stage is sending strands its goroutine whatever the
// context; with Merge and Concat that is nearly certain. Read them to their
// end, or use package stream's own operators instead. Producers given to
// Create and Defer must send with Item.SendContext for the same reason.
//
// Panics in functions given to RxGo operators crash the program, as they do
// in RxGo; the bridge cannot catch them.
package rx
