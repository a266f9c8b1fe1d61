package stream

import (
	"context"

	"github.com/goresult/goresult/future"
)

// FromChannel returns a stream of the values received from ch, in order. It
// reads until ch is closed (then it returns nil) or ctx ends (then it returns
// ctx.Err(), with ctx's cause), blocking in between; it starts no goroutine. Each run reads
// from the same channel, so values taken by one run are gone for the next.
//
// When the stream stops early it simply stops reading: a sender blocked on
// ch stays blocked until someone else reads or it gives up on its own. Use it
// with senders that can stop (that select on a context of their own), or with
// buffered ones that never block, as lo.Async's channel of one value; a
// channel from lo.SliceToChannel whose stream stops early leaves lo's
// goroutine blocked for good. FromChannel panics if ch is nil.
func FromChannel[T any](ch <-chan T) Stream[T] {
	if ch == nil {
		panic("stream: FromChannel with a nil channel")
	}
	return func(ctx context.Context, yield func(T) error) error {
		return receive(ctx, ch, yield)
	}
}

// ToChannel runs s in a new goroutine that sends its values, in order, on
// the returned unbuffered channel, and returns at once. The goroutine owns
// the channel: it closes it when the stream has ended, for whatever reason,
// and only after settling done, so that once a range over the channel ends,
// done.Err() tells why: nil for a normal end (or [ErrStop]), the stream's
// error, ctx.Err() (with ctx's cause), a [*future.PanicError] if the stream
// panicked, or [future.ErrGoexit] if a function of the stream called
// runtime.Goexit (the goroutine then exits, after settling done).
//
// The goroutine exits when the stream ends or ctx ends; it never blocks
// forever on a send. A reader that stops before the channel is closed must
// cancel ctx (a context made for the purpose with context.WithCancel): that
// stops the stream and the goroutine, which then closes the channel.
func (s Stream[T]) ToChannel(ctx context.Context) (values <-chan T, done future.Waitable) {
	mustStream(s, "ToChannel")
	ch := make(chan T)
	f := future.New[struct{}]()
	failed := func(err error) { _ = f.SetError(err) } // f is ours: it cannot be set already
	go func() {
		defer close(ch)
		if err := guard(func() error { return sendAll(ctx, s, ch) }, failed); err != nil {
			failed(err)
			return
		}
		_ = f.SetResult(struct{}{})
	}()
	return ch, f
}
