// Package stream carries many values through chains of operators, for
// pipelines and event-driven programs.
//
// A [Stream] is cold and push-based: it is a function that, when run, pushes
// its values one by one to a yield function, and nothing happens until a sink
// runs it. Operators are function composition, so a chain of Map and Filter
// costs a function call per value, not a goroutine and a channel hop per
// stage; goroutines and channels appear only where concurrency is the point:
// [Merge], [Stream.Buffer], [BatchTime], [ParallelMap], the operators that
// wait on a timer ([Stream.Debounce] and the like), [GroupBy] and [Share].
//
// # The shape
//
// Stream[T] is func(ctx, yield func(T) error) error. The alternatives were
// weighed: iter.Seq2[T, error] cannot carry a context or say why it stopped,
// and a pull interface (Next/Value/Err) needs a goroutine or a state machine
// per operator. A push function with ctx first and an error both ways keeps
// every synchronous operator a closure, lets a stop travel upstream as an
// error ([ErrStop]), and still converts to iter.Seq2 for range loops
// ([Stream.Seq2]) and from iter.Seq ([FromSeq]).
//
// # Entry points
//
//   - Sources: [FromSlice], [FromSeq], [FromChannel], [FromResult],
//     [Generate] (values read one at a time), [Ticker] (events in time),
//     and the combinations [Merge] (concurrent), [Concat] and [Zip].
//   - Operators that keep the element type are methods, so they chain:
//     [Stream.Filter], [Stream.Take], [Stream.TakeWhile], [Stream.Skip],
//     [Stream.Buffer], [Stream.TakeUntil] (a graceful drain); in time,
//     [Stream.Debounce], [Stream.Throttle], [Stream.Sample], [Stream.Delay]
//     and [Stream.Timeout] (an idle timeout).
//   - Operators that change it are functions, because Go methods cannot
//     have type parameters: [Map], [FlatMap], [Scan], [Batch], [BatchTime],
//     [WindowTime], [ParallelMap], [Zip], [GroupBy]; so is [Distinct],
//     which needs a comparable T.
//   - [Share] reads one run of a source with several consumers, each a run
//     of [Shared.Stream], with a bounded buffer each and an [Overflow]
//     policy for a slow one.
//   - Sinks run the stream and take ctx: [Stream.Seq2] for a range loop,
//     [Stream.Collect], [Stream.ForEach], [Reduce], [Stream.ToChannel], and
//     [Stream.First] and [Stream.Last], which return a [future.Result] so
//     that a stream's value composes with package ops.
//
// Each operator exists once, in one of the two forms, and they mix:
//
//	evens := s.Filter(isEven).Take(10)
//	for v, err := range stream.Map(evens, square).Seq2(ctx) {
//		...
//	}
//
// # Rules every operator keeps
//
//   - Stopping downstream (a break out of Seq2, Take, an error, ctx ending)
//     stops upstream and every goroutine the chain started, before the
//     stream function returns.
//   - An error travels once, unchanged, to the sink; sinks report [ErrStop]
//     as a normal end.
//   - yield is called only from the goroutine that runs the stream, never
//     concurrently.
//   - A panic in a function given to an operator, or in a source, becomes a
//     [*future.PanicError] error of the stream, with the panic's stack; it
//     never crashes another goroutine. A panic in the body of a range loop
//     over Seq2 stays the loop's own panic.
//   - A nil function, a nil stream or channel, a size below 1, or a
//     duration of zero or below is a programming error: the constructor
//     panics with a message that starts with "stream:".
//
// Streams from package lo's channels fit [FromChannel]: lo.Async's channel
// of one value works as is; see FromChannel for channels whose sender cannot
// be stopped.
package stream
