package stream

import (
	"context"
	"time"

	"github.com/goresult/goresult/internal/ctxerr"
)

// Retry returns a stream that runs s and, when s fails with an error that b
// allows a retry of, waits as b says and runs s again, up to b.Retries
// times; once retries are exhausted, or for an error b does not retry, the
// stream fails with s's last error, unchanged (with b.ResetOnValue, a run
// that passed on a value starts the count again). Each run starts s afresh, so a
// source that replays from its start passes its first values on again (as
// RxJS's retry does): retry a source that resumes where it stopped, or one
// whose values can be seen twice.
//
// Only s's own errors are retried: an error from downstream, ctx's end, a
// panic ([*future.PanicError]) and [future.ErrGoexit] end the stream at once.
// The waits run on a timer in the goroutine that runs the stream, and end
// early, with ctx's error, when ctx ends; Retry starts no goroutine. Retry
// panics if s is nil or b is not a valid policy (see [Backoff]).
func (s Stream[T]) Retry(b Backoff) Stream[T] {
	mustStream(s, "Retry")
	b.check("Retry")
	return func(ctx context.Context, yield func(T) error) (err error) {
		var st stage
		defer st.recover(&err)
		down, passed := false, false
		pass := func(v T) error {
			passed = true
			err := yieldDown(&st, yield, v)
			down = err != nil
			return err
		}
		for k := 1; ; k++ {
			passed = false
			err = s(ctx, pass)
			if passed && b.ResetOnValue {
				k = 1
			}
			if err == nil || down || !recoverable(ctx, err) || !b.retries(k, err) {
				return err
			}
			if err := sleep(ctx, b.wait(k)); err != nil {
				return err
			}
		}
	}
}

// sleep waits for d, or until ctx ends (then it returns ctx's error, with its cause).
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		if ctx.Err() != nil {
			return ctxerr.Of(ctx)
		}
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctxerr.Of(ctx)
	}
}
