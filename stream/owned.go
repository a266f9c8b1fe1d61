package stream

import (
	"context"
	"errors"

	"github.com/goresult/goresult/future"
)

// goOwned runs f in a goroutine of g, as g.Go does, and also turns a
// runtime.Goexit in f (t.FailNow in a helper, say) into the failure
// future.ErrGoexit of g, so that the operator's consumer sees an error
// instead of a normal end with values missing.
func goOwned(g *group, f func(ctx context.Context) error) {
	g.Go(func(ctx context.Context) (err error) {
		returned := false
		defer func() {
			if returned {
				return
			}
			if p := recover(); p != nil {
				err = panicError(p)
				return
			}
			g.fail(future.ErrGoexit) // Goexit goes on unwinding after this
		}()
		err = f(ctx)
		returned = true
		return err
	})
}

// produceOwned runs s in a goroutine of g that sends its values on the
// returned unbuffered channel and closes it when s returns; s's error,
// panic or Goexit is g's. It is [produce] with Goexit handled.
func produceOwned[T any](g *group, s Stream[T]) <-chan T {
	ch := make(chan T)
	goOwned(g, func(ctx context.Context) error {
		defer close(ch)
		return stopped(s(ctx, func(v T) error { return send(ctx, ch, v) }))
	})
	return ch
}

// ctxEnd returns the error of a stream whose ctx has ended: ctx.Err(), or,
// when ctx was cancelled with a cause, an error that errors.Is matches to
// both ctx.Err() and the cause.
func ctxEnd(ctx context.Context) error {
	err, cause := ctx.Err(), context.Cause(ctx)
	switch {
	case cause == nil || cause == err:
		return err
	case errors.Is(cause, err):
		return cause
	}
	return &causeError{err: err, cause: cause}
}

// causeError is ctx.Err() together with the cause ctx was cancelled with.
type causeError struct{ err, cause error }

func (e *causeError) Error() string   { return e.err.Error() + ": " + e.cause.Error() }
func (e *causeError) Unwrap() []error { return []error{e.err, e.cause} }

// onDone calls f in a goroutine of its own once ctx ends, as
// context.AfterFunc does, and returns the function that cancels the call;
// that function also waits for a call already under way, so that no
// goroutine outlives the stream that deferred it.
func onDone(ctx context.Context, f func()) (cancel func()) {
	called := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		defer close(called)
		f()
	})
	return func() {
		if !stop() {
			<-called
		}
	}
}

// mustStream panics with a "stream:" message naming op if s is nil.
func mustStream[T any](s Stream[T], op string) {
	if s == nil {
		panic("stream: " + op + " of a nil stream")
	}
}

// withCause returns err, or, when err is the error of ctx's end without its
// cause, the error of [ctxEnd], which matches the cause too.
func withCause(ctx context.Context, err error) error {
	if err == nil || ctx.Err() == nil || !errors.Is(err, ctx.Err()) || errors.Is(err, context.Cause(ctx)) {
		return err
	}
	return ctxEnd(ctx)
}

// ended returns why the goroutines of g have ended once the channel they
// fed is closed: ctx's end, with its cause, or the first error of g.
func ended(ctx context.Context, g *group) error {
	return withCause(ctx, g.result())
}
