package stream

import (
	"context"
	"time"
)

// Debounce returns a stream that passes a value of s on only once d has
// passed without a newer one: of a burst of values closer than d together,
// only the last comes through, d after it arrived. When s ends, a value
// still waiting is passed on at once; when s fails, it is dropped and the
// error returned.
//
// s runs in a goroutine of its own, which Debounce starts when the stream is
// run and stops and joins before the stream returns, on every path; values
// reach yield in the goroutine that runs the stream. One time.Timer per run
// is reset on each value: no goroutine and no allocation per value. If ctx
// ends the stream returns its error; a panic in s becomes a
// [*future.PanicError], a runtime.Goexit in s the error future.ErrGoexit.
// Debounce panics if s is nil or d <= 0.
func (s Stream[T]) Debounce(d time.Duration) Stream[T] {
	mustStream(s, "Debounce")
	if d <= 0 {
		panic("stream: Debounce with a non-positive duration")
	}
	return func(ctx context.Context, yield func(T) error) error {
		db := debouncer[T]{d: d, t: stoppedTimer(), yield: yield}
		defer db.t.Stop()
		return runClocked(ctx, s, &db)
	}
}

// debouncer is the state of one run of Debounce.
type debouncer[T any] struct {
	d     time.Duration
	t     *time.Timer
	fires <-chan time.Time // t.C while a value is held, else nil
	last  latest[T]
	yield func(T) error
}

// arrive holds v, and starts d again.
func (db *debouncer[T]) arrive(v T) error {
	db.last.hold(v)
	db.t.Reset(db.d)
	db.fires = db.t.C
	return nil
}

func (db *debouncer[T]) due() <-chan time.Time { return db.fires }

// tick passes the held value on: d has passed without a newer one.
func (db *debouncer[T]) tick() error {
	db.fires = nil
	return db.last.pass(db.yield)
}

func (db *debouncer[T]) ended() (bool, error) { return db.last.passHeld(db.yield) }
