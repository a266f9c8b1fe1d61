package future

import (
	"context"
	"sync/atomic"
)

// GoStart runs fn in the group g, as [GoContext] does, and captures two
// results: start, settled with the value fn passes to started once it has
// started (a listener's address, say), and done, settled with what fn returns
// (aioresult's capture_start_and_done_results, trio's nursery.start).
//
// The cases are:
//   - fn calls started(v), then returns: start has the value v, done has what
//     fn returned, and an error of fn reaches g as with Go.
//   - fn fails before calling started: start and done both have its error,
//     which reaches g.
//   - fn returns without an error before calling started: done has its value
//     and start fails with [ErrNotStarted], which reaches g unless the error
//     is suppressed.
//   - fn panics: the [*PanicError] is done's error, start's too if fn had not
//     started, and it always reaches g.
//
// Calling started a second time, or after fn has returned, panics. Either
// task's [Task.Cancel] cancels fn's context. GoStart panics if ctx, g or fn is
// nil.
func GoStart[S, T any](ctx context.Context, g Spawner, fn func(ctx context.Context, started func(S)) (T, error), opts ...Option) (start *Task[S], done *Task[T]) {
	if fn == nil {
		panic("future: GoStart with a nil function")
	}
	start, done = newTask[S](g), newTask[T](g)
	ctl := newControl(ctx)
	start.ctl, done.ctl = ctl, ctl
	o := makeOptions(opts)
	var phase atomic.Int32 // 0 starting, 1 started, 2 returned before starting
	started := func(v S) {
		if !phase.CompareAndSwap(0, 1) {
			panic("future: started called twice, or after the task returned")
		}
		start.fut.settle(v, nil, true) // fn runs on: its goroutine holds its slot
	}
	spawn(g, func() error {
		defer ctl.cancel(nil)
		defer func() {
			// Whatever happened to done (Goexit included), start must settle.
			if phase.CompareAndSwap(0, 2) {
				err := done.fut.Err()
				if err == nil || err == ErrNotDone {
					err = ErrNotStarted
				}
				var zero S
				start.fut.settle(zero, err, true)
			}
		}()
		v, err := done.run(func() (T, error) { return fn(ctl.ctx, started) })
		if err == nil && phase.CompareAndSwap(0, 2) {
			var zero S
			start.fut.settle(zero, ErrNotStarted, true)
			done.fut.settle(v, nil, true)
			return propagate(o, ctl, ErrNotStarted)
		}
		return done.finish(o, v, err)
	})
	return start, done
}
