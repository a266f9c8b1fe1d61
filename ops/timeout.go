package ops

import (
	"context"
	"sync"
	"time"

	"github.com/goresult/goresult/future"
)

// Timeout returns a result that settles as r does if r settles within d,
// and fails with [ErrTimeout], which matches context.DeadlineExceeded, if d
// passes first. In that case r is cancelled with the cause ErrTimeout if it
// can be cancelled on its own (a [*future.Task] started with
// [future.GoContext] or [future.GoStart]); other results are left alone.
//
// Timeout does not block and starts no goroutine while it waits: it arms a
// runtime timer (time.AfterFunc, whose function runs briefly in a goroutine
// of its own if it fires) and a callback on r, and whichever fires first
// removes the other, so no timer or callback is left behind either way. If r is already settled,
// the result settles as r did, however small d is. Timeout panics if r is
// nil.
func Timeout[T any](r future.Result[T], d time.Duration) future.Result[T] {
	if r == nil {
		panic("ops: Timeout of a nil result")
	}
	if r.IsDone() {
		return settled(r.Get())
	}
	b := &bound[T]{r: r, out: future.New[T]()}
	b.mu.Lock()
	defer b.mu.Unlock()
	timer := time.AfterFunc(d, func() { b.expire(ErrTimeout, ErrTimeout) })
	b.release = func() bool { return timer.Stop() }
	b.stop = future.AfterFunc(r, b.settle)
	return b.out
}

// Until returns a result that settles as r does if r settles before ctx
// ends, and fails with ctx's error if ctx ends first: an error matching
// context.DeadlineExceeded when ctx's deadline passes, context.Canceled when
// it is cancelled, and also context.Cause(ctx) when a cause was given. In that
// case r is cancelled with ctx's cause if it can be cancelled on its own (a
// [*future.Task] started with [future.GoContext] or [future.GoStart]); other
// results are left alone.
//
// Until does not block and starts no goroutine of its own: it uses
// context.AfterFunc on ctx and a callback on r, and whichever fires first
// removes the other. If r is already settled, the result settles as r did,
// even if ctx is done. Until panics if ctx or r is nil.
func Until[T any](ctx context.Context, r future.Result[T]) future.Result[T] {
	if ctx == nil {
		panic("ops: Until with a nil Context")
	}
	if r == nil {
		panic("ops: Until of a nil result")
	}
	if r.IsDone() {
		return settled(r.Get())
	}
	if ctx.Err() != nil {
		cancel(r, context.Cause(ctx))
		return future.Failed[T](ctxError(ctx))
	}
	b := &bound[T]{r: r, out: future.New[T]()}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.release = context.AfterFunc(ctx, func() { b.expire(ctxError(ctx), context.Cause(ctx)) })
	b.stop = future.AfterFunc(r, b.settle)
	return b.out
}

// bound is a result r raced against an expiry (a timer or a context).
type bound[T any] struct {
	r   future.Result[T]
	out *future.Future[T]

	mu      sync.Mutex  // held while the two callbacks are being registered
	release func() bool // stops the expiry
	stop    func() bool // removes the callback on r
}

// settle runs once r is settled: the expiry is not needed any more. It takes
// no lock: release is set before the callback is registered, and settle may
// run inside that registration.
func (b *bound[T]) settle() {
	b.release()
	forward(b.out, b.r)
}

// expire runs once the deadline passes. If r has not settled, it fails the
// output with err and cancels r with cause.
func (b *bound[T]) expire(err, cause error) {
	b.mu.Lock()
	stop := b.stop
	b.mu.Unlock()
	if !stop() {
		return // r settled first, or is settling
	}
	cancel(b.r, cause)
	b.out.SetError(err)
}

// cancel cancels r with cause if it can be cancelled on its own.
func cancel[T any](r future.Result[T], cause error) {
	if c, ok := r.(future.Canceler); ok {
		c.Cancel(cause)
	}
}

// ctxError returns ctx.Err(), wrapped together with ctx's cause if that is
// another error.
func ctxError(ctx context.Context) error {
	err, cause := ctx.Err(), context.Cause(ctx)
	if cause == nil || cause == err {
		return err
	}
	return &causeError{err: err, cause: cause}
}

// causeError is ctx.Err() with the cause of the cancellation.
type causeError struct{ err, cause error }

func (e *causeError) Error() string   { return e.err.Error() + ": " + e.cause.Error() }
func (e *causeError) Unwrap() []error { return []error{e.err, e.cause} }
