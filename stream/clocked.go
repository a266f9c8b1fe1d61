package stream

import (
	"context"
	"time"

	"github.com/goresult/goresult/internal/ctxerr"
)

// clocked is the state of one run of an operator of time (Debounce, Delay,
// Sample, Throttle with a trailing edge, WindowTime): what it does with a
// value of its source, with its clock firing, and with its source's end.
// Its methods run in the goroutine that runs the stream, one at a time.
type clocked[T any] interface {
	// arrive handles a value of the source.
	arrive(v T) error
	// due returns the channel of the clock while the operator waits for
	// it, else nil.
	due() <-chan time.Time
	// tick handles the clock's firing.
	tick() error
	// ended handles the source's normal end, and reports whether the run
	// still waits for the clock (values held until their time).
	ended() (wait bool, err error)
}

// runClocked runs s in a goroutine of its own and hands op, in the caller's
// goroutine, each value of s and each firing of its clock, until s has
// ended and op waits for nothing more, op fails (a yield's error), s fails,
// or ctx ends (ctx's error, with its cause). The goroutine running s is
// stopped and joined before runClocked returns, on every path.
func runClocked[T any](ctx context.Context, s Stream[T], op clocked[T]) error {
	g := newGroup(ctx)
	defer g.stop()
	ch := produce(g, s, 0)
	for ch != nil || op.due() != nil {
		select {
		case v, ok := <-ch:
			if !ok {
				if err := g.end(ctx); err != nil {
					return err
				}
				wait, err := op.ended()
				if err != nil || !wait {
					return err
				}
				ch = nil // from now on, only the clock and ctx
				continue
			}
			if err := op.arrive(v); err != nil {
				return err
			}
		case <-op.due():
			if err := op.tick(); err != nil {
				return err
			}
		case <-ctx.Done():
			return ctxerr.Of(ctx)
		}
	}
	return nil
}

// latest is the one value a Debounce, Sample or trailing Throttle holds
// until its time comes.
type latest[T any] struct {
	v    T
	held bool
}

func (l *latest[T]) hold(v T) { l.v, l.held = v, true }

// pass passes the held value on to yield, and holds nothing any more.
func (l *latest[T]) pass(yield func(T) error) error {
	var zero T
	v := l.v
	l.v, l.held = zero, false
	return yield(v)
}

// passHeld passes on, as the source ends, the value still held, if any.
func (l *latest[T]) passHeld(yield func(T) error) (wait bool, err error) {
	if !l.held {
		return false, nil
	}
	return false, l.pass(yield)
}

// stoppedTimer returns a time.Timer that is not running, for Reset.
func stoppedTimer() *time.Timer {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return t
}
