package stream

import (
	"context"
	"errors"
	"sync"

	"github.com/goresult/goresult/internal/ctxerr"
	guarded "github.com/goresult/goresult/internal/guard"
)

// This file holds the concurrency helpers of the asynchronous operators
// (Merge, Buffer, BatchTime, ParallelMap, Zip, the timed operators, GroupBy,
// Share, TakeUntil) and of the sources and sinks
// that wait on a channel or a context: the group that owns their goroutines,
// the loops that send and receive, and how a stream reports a context's end.

// group runs the goroutines of one run of an asynchronous operator. Its
// context is cancelled by the first error, by stop, or with the parent; a
// panic in a goroutine becomes that goroutine's error, and so does
// runtime.Goexit ([future.ErrGoexit]). The operator defers stop, so every
// goroutine has ended before the stream function returns, panics included.
type group struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	once   sync.Once
	err    error
}

func newGroup(ctx context.Context) *group {
	g := new(group)
	g.ctx, g.cancel = context.WithCancel(ctx)
	return g
}

// Go runs f in a new goroutine with the group's context.
func (g *group) Go(f func(ctx context.Context) error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := guard(func() error { return f(g.ctx) }, g.fail); err != nil {
			g.fail(err)
		}
	}()
}

// guard calls f and returns its error; a panic in f becomes a
// [*future.PanicError]. If f calls runtime.Goexit, guard calls exited with
// [future.ErrGoexit] before the goroutine goes on exiting, so that whatever
// the goroutine would have settled is settled.
func guard(f func() error, exited func(error)) error {
	_, err := guarded.Call(func(struct{}) (struct{}, error) { return struct{}{}, f() }, struct{}{}, exited)
	return err
}

// fail records err if it is the first error, and cancels the group.
func (g *group) fail(err error) {
	g.once.Do(func() { g.err = err })
	g.cancel()
}

// stop cancels the group and waits for its goroutines to return.
func (g *group) stop() {
	g.cancel()
	g.wg.Wait()
}

// result waits for the goroutines and returns the first error recorded, or
// nil. It does not cancel them: it is for when they are ending on their own
// (the channel they feed is closed, or the group's context has ended).
func (g *group) result() error {
	g.wg.Wait()
	return g.err
}

// end returns how the group's goroutines ended, once they are ending on
// their own: ctx's error (with its cause) if the parent ctx has ended, so
// that a goroutine that answered the cancellation with an error of its own
// does not hide why, otherwise the first error of a goroutine, or nil.
func (g *group) end(ctx context.Context) error {
	if ctx.Err() != nil {
		return ctxerr.Of(ctx)
	}
	return g.result()
}

// produce runs s in a goroutine of g, sending its values on the returned
// channel (with buffer size n), which it closes when s returns; s's error is
// g's. The consumer reads until the channel is closed or g's context ends.
func produce[T any](g *group, s Stream[T], n int) <-chan T {
	ch := make(chan T, n)
	g.Go(func(ctx context.Context) error {
		defer close(ch)
		return sendAll(ctx, s, ch)
	})
	return ch
}

// sendAll runs s, sending its values on ch; ErrStop is a normal end.
func sendAll[T any](ctx context.Context, s Stream[T], ch chan<- T) error {
	return stopped(s(ctx, func(v T) error { return send(ctx, ch, v) }))
}

// send sends v on ch unless ctx ends first.
func send[T any](ctx context.Context, ch chan<- T, v T) error {
	select {
	case ch <- v:
		return nil
	case <-ctx.Done():
		return ctxerr.Of(ctx)
	}
}

// receive calls do with each value received from in until in is closed (nil),
// do fails (its error), or ctx ends (ctx's error, with its cause). It is FromChannel's loop and a
// ParallelMap worker's.
func receive[T any](ctx context.Context, in <-chan T, do func(T) error) error {
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return nil
			}
			if err := do(v); err != nil {
				return err
			}
		case <-ctx.Done():
			return ctxerr.Of(ctx)
		}
	}
}

// consume passes on the values of ch until it is closed, the group fails,
// ctx ends or yield stops.
func consume[T any](ctx context.Context, g *group, ch <-chan T, yield func(T) error) error {
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				return g.end(ctx)
			}
			if err := yield(v); err != nil {
				return err
			}
		case <-g.ctx.Done():
			return g.end(ctx)
		}
	}
}

// withCause returns err, or, when err is the error of ctx's end without its
// cause (from a source that returned ctx.Err() as it is), ctx's error with
// its cause, which errors.Is matches to both.
func withCause(ctx context.Context, err error) error {
	if err == nil || ctx.Err() == nil || !errors.Is(err, ctx.Err()) || errors.Is(err, context.Cause(ctx)) {
		return err
	}
	return ctxerr.Of(ctx)
}

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
