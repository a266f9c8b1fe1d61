package future

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/goresult/goresult/internal/ctxerr"
	"github.com/goresult/goresult/internal/notify"
)

// The states of a Future. While it is settling, its value is readable (by
// the callbacks, which need it) but it is not yet done: it becomes done once
// its callbacks have run, so that whoever sees it done knows they have.
const (
	pending uint32 = iota
	settling
	settled
)

// The relay states of a Future (see relay in drain.go).
const (
	relayNone uint32 = iota
	relayMarked
	relayHeld // settled while marked: the drain runs its waiters
)

// closedChan is the Done channel of a result settled before anyone asked for
// its channel, so that settling needs no allocation.
var closedChan = func() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}()

// Future is a result that is settled explicitly, once, with SetResult or
// SetError: typically by the code that owns a connection or a worker and
// demultiplexes answers to the callers waiting for them.
//
// The zero Future is pending and ready to use; so is one made by [New]. A
// Future must not be copied after first use. All its methods are safe to call
// concurrently. A Future starts no goroutine: waiting costs a channel, made
// only when somebody waits before it settles.
type Future[T any] struct {
	state atomic.Uint32 // pending, settling or settled; written under mu, after val and err
	relay atomic.Uint32 // relayNone, relayMarked or relayHeld

	mu      sync.Mutex
	done    chan struct{} // made by the first waiter that needs it; closed on settling
	waiters notify.List   // registered by Register and AfterFunc

	val T
	err error
}

// New returns a pending Future. It is the same as new(Future[T]).
func New[T any]() *Future[T] {
	return new(Future[T])
}

// Resolved returns a Future settled with the value v.
func Resolved[T any](v T) *Future[T] {
	f := &Future[T]{val: v}
	f.state.Store(settled)
	return f
}

// Failed returns a Future settled with the error err. It panics if err is nil.
func Failed[T any](err error) *Future[T] {
	if err == nil {
		panic("future: Failed with a nil error")
	}
	f := &Future[T]{err: err}
	f.state.Store(settled)
	return f
}

// SetResult settles f with the value v, runs its callbacks and wakes its
// waiters before it returns. If f is already settled it returns an error
// matching [ErrAlreadySet] and changes nothing.
func (f *Future[T]) SetResult(v T) error {
	return f.settle(v, nil, false)
}

// SetError settles f with the error err, runs its callbacks and wakes its
// waiters before it returns. If f is already settled it returns an error
// matching [ErrAlreadySet] and changes nothing. It panics if err is nil: use
// SetResult to settle with a value.
func (f *Future[T]) SetError(err error) error {
	if err == nil {
		panic("future: SetError with a nil error")
	}
	var zero T
	return f.settle(zero, err, false)
}

// settle settles f once. The callbacks run after the lock is released, so a
// callback may read f or register another callback on it, and before f is
// done: whoever sees f done (IsDone, Wait, Done) knows that its callbacks
// have run. f becomes done even if a callback panics. held says that the
// caller is a task's goroutine that still holds its group's slot.
//
// If a drain has marked f (f is the output of a waiter it is running), only
// f's outcome is written here: the drain runs f's waiters once the waiter
// returns, so that a chain settles in a loop, not by recursion.
func (f *Future[T]) settle(v T, err error, held bool) error {
	f.mu.Lock()
	if f.state.Load() != pending {
		f.mu.Unlock()
		return ErrAlreadySet
	}
	f.val, f.err = v, err
	if f.waiters.Len() == 0 { // a relay too: it has nothing to hand back
		f.finishLocked()
		return nil
	}
	if f.relay.CompareAndSwap(relayMarked, relayHeld) {
		f.state.Store(settling)
		f.mu.Unlock()
		return nil
	}
	f.state.Store(settling)
	waiters := f.waiters.Take()
	f.mu.Unlock()
	settleAll(f, waiters, held)
	return nil
}

// markRelay and unmarkRelay make a Future embedded in a waiter a relay.
func (f *Future[T]) markRelay() { f.relay.Store(relayMarked) }

func (f *Future[T]) unmarkRelay() (item, bool) {
	if f.relay.Swap(relayNone) != relayHeld {
		return item{}, false
	}
	f.mu.Lock()
	waiters := f.waiters.Take()
	f.mu.Unlock()
	return item{r: f, ws: waiters}, true
}

// finish makes a settling f done.
func (f *Future[T]) finish() {
	f.mu.Lock()
	f.finishLocked()
}

// finishLocked makes f done and wakes its waiters; f.mu is held and released.
func (f *Future[T]) finishLocked() {
	f.state.Store(settled)
	done := f.done
	if f.waiters.Len() > 0 {
		f.finishLate(done)
		return
	}
	f.mu.Unlock()
	if done != nil {
		close(done)
	}
}

// finishLate is finishLocked when wake-ups registered while f was settling:
// they run last. It is kept out of finishLocked so that the common path
// stays a small frame on a task's small stack.
//
//go:noinline
func (f *Future[T]) finishLate(done chan struct{}) {
	late := f.waiters.Take()
	f.mu.Unlock()
	if done != nil {
		close(done)
	}
	for i := range late.Slots() {
		if w := late.At(i); w != nil {
			w.Notify()
		}
	}
}

// Done returns a channel that is closed once f is settled.
func (f *Future[T]) Done() <-chan struct{} {
	if f.state.Load() == settled {
		return closedChan
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.state.Load() == settled {
		return closedChan
	}
	if f.done == nil {
		f.done = make(chan struct{})
	}
	return f.done
}

// IsDone reports whether f is settled. It never blocks. A nil *Future is
// never settled (and the functions that wait for one panic).
func (f *Future[T]) IsDone() bool {
	return f != nil && f.state.Load() == settled
}

// Wait blocks until f is settled or ctx is done. It returns nil once f is
// settled, whatever it settled with. If ctx ends first it returns ctx.Err(),
// joined with context.Cause(ctx) when ctx was cancelled with a cause, so that
// errors.Is matches both.
func (f *Future[T]) Wait(ctx context.Context) error {
	if f.state.Load() == settled {
		return nil
	}
	cancelled := ctx.Done()
	if cancelled == nil { // a context that is never cancelled: a plain receive is cheaper
		<-f.Done()
		return nil
	}
	select {
	case <-f.Done():
		return nil
	case <-cancelled:
		if f.state.Load() == settled {
			return nil
		}
		return ctxerr.Of(ctx)
	}
}

// Get returns the value and error f settled with, or the zero value and
// [ErrNotDone] while f is pending. It never blocks. The error is the one f
// was settled with, so errors.Is and errors.As match it. (While f's
// callbacks run, Get already returns its outcome, though f is not yet done.)
func (f *Future[T]) Get() (T, error) {
	if f.state.Load() == pending {
		var zero T
		return zero, ErrNotDone
	}
	return f.val, f.err
}

// Err returns the error f settled with, nil if it settled with a value, or
// [ErrNotDone] while it is pending. It never blocks.
func (f *Future[T]) Err() error {
	if f.state.Load() == pending {
		return ErrNotDone
	}
	return f.err
}

// Await waits for f as Wait does, then returns what Get returns. If ctx ends
// first it returns the zero value and the error Wait returns.
func (f *Future[T]) Await(ctx context.Context) (T, error) {
	if err := f.Wait(ctx); err != nil {
		var zero T
		return zero, err
	}
	return f.val, f.err
}

// String describes f's state as "Future(pending)", "Future(value=V)" or
// "Future(error=E)".
func (f *Future[T]) String() string {
	return describe("Future", f)
}

// Register adds w to f's waiters, or notifies it at once, in the caller's
// goroutine, if f is settled or settling; see the package function
// [Register].
func (f *Future[T]) Register(w Waiter) Registration {
	if f == nil {
		panic("future: Register on a nil *Future")
	}
	if f.notifyNow(f.state.Load(), w) {
		w.Notify()
		return Registration{}
	}
	f.mu.Lock()
	if f.notifyNow(f.state.Load(), w) {
		f.mu.Unlock()
		w.Notify()
		return Registration{}
	}
	h := f.waiters.Add(w)
	f.mu.Unlock()
	return Registration{from: f, h: h}
}

// notifyNow reports whether a waiter registering while f is in state st is
// notified at once: once f is settled, or while it is settling, except for
// a wake-up, which waits for f to be done.
func (f *Future[T]) notifyNow(st uint32, w Waiter) bool {
	return st == settled || st == settling && !notify.IsWakeup(w)
}

// unregister removes the waiter h names and reports whether it was there.
func (f *Future[T]) unregister(h notify.Handle) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.waiters.Remove(h)
}

// describe formats a result's state for String.
func describe[T any](kind string, r Result[T]) string {
	if !r.IsDone() {
		return kind + "(pending)"
	}
	v, err := r.Get()
	switch {
	case err != nil:
		return fmt.Sprintf("%s(error=%v)", kind, err)
	default:
		return fmt.Sprintf("%s(value=%v)", kind, v)
	}
}
