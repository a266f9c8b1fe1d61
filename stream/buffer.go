package stream

import "context"

// Buffer returns a stream that runs s in a goroutine of its own, ahead of its
// consumer, through a channel that holds up to n values: a producer and a
// consumer of different speeds overlap. When the channel is full the producer
// blocks in its yield until the consumer takes a value, so s is held back
// (backpressure) and never more than n values, plus the one s is trying to
// pass on, wait in memory.
//
// The goroutine is started when the stream is run, and stopped and joined
// before the stream returns, on every path: when s ends, when the consumer
// stops, or when ctx ends (then promptly, dropping buffered values). Values
// produced before an error of s are delivered before the error. Buffer
// panics if s is nil or n < 1; a Buffer of about
// the number of values one step of the consumer takes is usually enough.
func (s Stream[T]) Buffer(n int) Stream[T] {
	mustStream(s, "Buffer")
	if n < 1 {
		panic("stream: Buffer with a size below 1")
	}
	return func(ctx context.Context, yield func(T) error) error {
		g := newGroup(ctx)
		defer g.stop()
		// Drain what the producer sent before it ended, then report how.
		if err := receive(ctx, produce(g, s, n), yield); err != nil {
			return err
		}
		return g.end(ctx)
	}
}
