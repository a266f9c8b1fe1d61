package stream

import (
	"context"
	"fmt"
	"time"
)

// ErrTimeout is the error of a stream made by [Stream.Timeout] when no value
// arrived in time. It matches context.DeadlineExceeded with errors.Is.
var ErrTimeout = fmt.Errorf("stream: no value within the timeout: %w", context.DeadlineExceeded)

// Timeout returns a stream of the values of s that fails with [ErrTimeout]
// when s passes on no value for d: from the start of the run to the first
// value, or from the return of one downstream yield to the next value. Time
// spent downstream does not count. On a timeout it cancels the context s
// runs with and waits for s to return (every source of this package returns
// promptly); values s passes on meanwhile are still passed on.
//
// Timeout starts no goroutine per value: one time.AfterFunc timer per run,
// stopped and reset around each value, without allocating; the timer's own
// goroutine runs only on a timeout and is waited for. A stream that ends,
// fails, is stopped downstream or whose ctx ends before the timeout returns
// as s does. Timeout panics if s is nil or d <= 0.
func (s Stream[T]) Timeout(d time.Duration) Stream[T] {
	mustStream(s, "Timeout")
	if d <= 0 {
		panic("stream: Timeout with a non-positive duration")
	}
	return func(ctx context.Context, yield func(T) error) (err error) {
		sctx, cancel := context.WithCancelCause(ctx)
		defer cancel(nil)
		it := newIdle(d, func() { cancel(ErrTimeout) })
		defer it.stop()
		var down error
		err = s(sctx, func(v T) error {
			it.pause()
			if down = yield(v); down != nil {
				return down
			}
			it.resume()
			return nil
		})
		if it.stop(); it.expired && err != nil && err != down && ctx.Err() == nil {
			return ErrTimeout
		}
		return withCause(ctx, err)
	}
}

// idle is the timer of one run of Timeout.
type idle struct {
	d       time.Duration
	t       *time.Timer
	fired   chan struct{} // closed once the timer's function has run
	armed   bool          // the timer runs
	expired bool          // the timer has fired, or is firing
}

func newIdle(d time.Duration, f func()) *idle {
	it := &idle{d: d, fired: make(chan struct{}), armed: true}
	it.t = time.AfterFunc(d, func() {
		defer close(it.fired)
		f()
	})
	return it
}

// pause stops the timer while a value is downstream.
func (it *idle) pause() {
	if it.armed && !it.t.Stop() {
		it.expired = true
	}
	it.armed = false
}

// resume starts a new wait of d, unless the timer has fired.
func (it *idle) resume() {
	if !it.expired {
		it.t.Reset(it.d)
		it.armed = true
	}
}

// stop stops the timer and waits for its function if it has fired. It may
// be called more than once.
func (it *idle) stop() {
	it.pause()
	if it.expired {
		<-it.fired
	}
}
