// Package stream carries many values through chains of operators, for
// pipelines and event-driven programs.
//
// A [Stream] is cold and push-based: it is a function that, when run, pushes
// its values one by one to a yield function, and nothing happens until a sink
// runs it. Operators are function composition, so a chain of Map and Filter
// costs a function call per value, not a goroutine and a channel hop per
// stage; goroutines and channels appear only where concurrency is the point:
// [Merge], [Stream.Buffer], [BatchTime], [ParallelMap], [Zip] (which must
// see either side end while the other waits), the operators that wait on a
// timer ([Stream.Debounce] and the like), [GroupBy] and [Share].
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
//     [Stream.Tap] (side effects), [Stream.Buffer], [Stream.TakeUntil] (a
//     graceful drain), for errors [Stream.Catch] (a fallback stream) and
//     [Stream.Retry] (again, after a [Backoff]), and in time
//     [Stream.Debounce], [Stream.Throttle], [Stream.Sample], [Stream.Delay]
//     and [Stream.Timeout] (an idle timeout).
//   - Operators that change it are functions, because Go methods cannot
//     have type parameters: [Map], [MapErr] (a map that can fail),
//     [FilterMap] (a map that drops values), [FlatMap], [Scan], [Batch] and
//     [BatchTime] (tumbling windows), [Window] (sliding ones, by count),
//     [WindowTime] (tumbling and sliding ones, in time), [ParallelMap],
//     [Zip], [GroupBy]; so is [Distinct], which needs a comparable T.
//   - [Share] reads one run of a source with several consumers, each a run
//     of [Shared.Stream], with a bounded buffer each and an [Overflow]
//     policy for a slow one.
//   - Sinks run the stream and take ctx: [Stream.All] and [Stream.Seq2] for
//     a range loop, [Stream.Collect], [Stream.ForEach], [Reduce],
//     [Stream.ToChannel], and [Stream.First] and [Stream.Last], which return
//     a [future.Result] so that a stream's value composes with package ops.
//
// Map takes a func(T) R and MapErr a func(T) (R, error), the shape of
// ops.Map's function: most stages cannot fail, and a plain function keeps
// them plain, while one that can fails the stream with its error. Of the
// range forms, All keeps the error out of the loop and makes the caller take
// it (an unused error function does not compile), while Seq2 gives it as the
// last pair, where a loop that ignores it takes a failure for a zero value:
// prefer All.
//
// Each operator exists once, in one of the two forms, and they mix:
//
//	evens := s.Filter(isEven).Take(10)
//	values, errf := stream.Map(evens, square).All(ctx)
//	for v := range values {
//		...
//	}
//	if err := errf(); err != nil {
//		...
//	}
//
// # Rules every operator keeps
//
//   - Stopping downstream (a break out of Seq2, Take, an error, ctx ending)
//     stops upstream and every goroutine the chain started, before the
//     stream function returns.
//   - An error travels once, unchanged, to the sink; sinks report [ErrStop]
//     as a normal end. A stream that returns because ctx ended returns
//     ctx.Err() wrapped with context.Cause(ctx) when a cause was given, so
//     errors.Is matches both.
//   - yield is called only from the goroutine that runs the stream, never
//     concurrently.
//   - A nil function, a nil stream (as an argument or as the receiver of a
//     method) or channel, a size below 1, or a duration of zero or below is a
//     programming error: the function panics at the call with a message that
//     starts with "stream:".
//
// # Panics and runtime.Goexit
//
// This is the one panic policy of the package; the doc of each function says
// only where it differs. No panic vanishes:
//
//   - A panic in a function given to an operator, or in a source, becomes a
//     [*future.PanicError] error of the stream (the panic's value and stack),
//     returned by the sink; it never crashes another goroutine, and in a
//     goroutine an operator owns (Merge, Buffer, BatchTime, ParallelMap,
//     Zip, the timed operators, GroupBy, Share) it stops the others and is
//     the stream's error.
//   - A panic downstream of an operator (in the function given to ForEach,
//     or in the body of a range loop over Seq2) is the sink's: ForEach
//     returns it as a [*future.PanicError], and a range loop's body panics
//     on as in any loop.
//   - runtime.Goexit (t.FailNow in a test helper) in any of those functions
//     is never silent. In a goroutine an operator owns it fails the stream
//     with [future.ErrGoexit]; in the goroutine that runs the stream that
//     goroutine exits, as Goexit says, and what the stream settles on its
//     way out ([Stream.ToChannel]'s done, [Stream.First]'s and
//     [Stream.Last]'s task) settles with [future.ErrGoexit].
//
// Streams from package lo's channels fit [FromChannel]: lo.Async's channel
// of one value works as is; see FromChannel for channels whose sender cannot
// be stopped.
package stream
