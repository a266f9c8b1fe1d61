package ops

import (
	"context"
	"sync"
	"time"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/internal/ctxerr"
	"github.com/goresult/goresult/internal/notify"
)

// Timeout returns a result that settles as r does if r settles within d,
// and fails with [ErrTimeout], which matches context.DeadlineExceeded, if d
// passes first. In that case r is cancelled with the cause ErrTimeout if it
// can be cancelled (a [future.Canceler]: a task started with
// [future.GoContext], a result of this package, which cancels its own
// inputs, a demultiplexed call); other results are left alone. Cancelling
// the returned result cancels r.
//
// Timeout does not block and starts no goroutine while it waits: it arms a
// runtime timer (time.AfterFunc, whose function runs briefly in a goroutine
// of its own if it fires) and a callback on r, and whichever fires first
// removes the other, so no timer or callback is left behind either way. If r
// is already settled, the result settles as r did, however small d is.
// Timeout panics if r is nil.
func Timeout[T any](r future.Result[T], d time.Duration) future.Result[T] {
	checkInput("Timeout", r)
	if r.IsDone() {
		return settled(r.Get())
	}
	b := &bound[T]{r: r}
	b.mu.Lock()
	defer b.mu.Unlock()
	timer := time.AfterFunc(d, func() { b.expire(ErrTimeout, ErrTimeout) })
	b.release = timer.Stop
	b.reg = future.Register(r, b)
	return b
}

// Until returns a result that settles as r does if r settles before ctx
// ends, and fails with ctx's error if ctx ends first: an error matching
// context.DeadlineExceeded when ctx's deadline passes, context.Canceled when
// it is cancelled, and also context.Cause(ctx) when a cause was given. In that
// case r is cancelled with ctx's cause if it can be cancelled, as with
// [Timeout]. Cancelling the returned result cancels r.
//
// Until does not block and starts no goroutine of its own: it uses
// context.AfterFunc on ctx and a callback on r, and whichever fires first
// removes the other. If r is already settled, the result settles as r did,
// even if ctx is done. Until panics if ctx or r is nil.
func Until[T any](ctx context.Context, r future.Result[T]) future.Result[T] {
	if ctx == nil {
		panic("ops: Until with a nil Context")
	}
	checkInput("Until", r)
	if r.IsDone() {
		return settled(r.Get())
	}
	if ctx.Err() != nil {
		cancelResult(r, context.Cause(ctx))
		return settled(*new(T), ctxerr.Of(ctx))
	}
	b := &bound[T]{r: r}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.release = context.AfterFunc(ctx, func() { b.expire(ctxerr.Of(ctx), context.Cause(ctx)) })
	b.reg = future.Register(r, b)
	return b
}

// bound is a result r raced against an expiry (a timer or a context): the
// output, and its waiter on r. It runs no user code.
type bound[T any] struct {
	future.Future[T]
	notify.Library
	r future.Result[T]

	mu      sync.Mutex  // held while the two callbacks are being registered
	release func() bool // stops the expiry
	reg     future.Registration
}

// Notify runs once r is settled: the expiry is not needed any more. It takes
// no lock: release is set before the callback is registered, and Notify may
// run inside that registration.
func (b *bound[T]) Notify() {
	b.release()
	forward(&b.Future, b.r)
}

// expire runs once the deadline passes. If r has not settled, it fails the
// output with err and cancels r with cause.
func (b *bound[T]) expire(err, cause error) {
	b.mu.Lock()
	reg := b.reg
	b.mu.Unlock()
	if !reg.Stop() {
		return // r settled first, or is settling
	}
	cancelResult(b.r, cause)
	b.SetError(err)
}

// Cancel cancels r, with cause.
func (b *bound[T]) Cancel(cause error) { cancelTree(b, cause) }

func (b *bound[T]) cancelInputs(_ error, push func(future.Doner)) { push(b.r) }
