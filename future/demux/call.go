package demux

import (
	"context"
	"fmt"

	"github.com/goresult/goresult/future"
)

// settable is the Future a Call is built on, embedded under an unexported
// name so that its completion machinery (Register, which makes a Call a
// future.Notifier: what future.AfterFunc and package ops register on,
// without a goroutine) is promoted to the Call. The Call's
// own methods shadow the rest, SetResult and SetError included, so that a
// Call is settled through its table only.
type settable[V any] = future.Future[V]

// Call is one request waiting for its reply: a [future.Result] that the
// table settles once, with the reply's value, its own error, its context's
// error or its connection's, and a [future.Canceler]. Get one from
// [Table.Add] (or [Client.Go]); its [Call.ID] is the ID to put on the wire.
//
// A Call starts no goroutine and holds none while it is pending. It is a
// [future.Notifier], as a future.Future is: waiters registered on it with
// future.Register or future.AfterFunc run in the goroutine that settles it. All its methods are safe to call
// concurrently.
type Call[V any] struct {
	settable[V]

	id   uint64
	t    *Table[V]
	stop func() bool // stops watching the call's context; nil if it is never done
}

// ID returns the call's ID, unique in its table and never 0.
func (c *Call[V]) ID() uint64 { return c.id }

// Cancel settles the call, if it is still pending, with an error matching
// both context.Canceled and cause ([future.ErrCancelled] if cause is nil),
// frees its slot and calls the table's [OnCancel] hook. It does not block
// (beyond the hook) and has no effect on a settled call: a reply that comes
// later is counted as Late. It is safe to call concurrently and more than
// once; the first cancellation or settlement wins.
func (c *Call[V]) Cancel(cause error) {
	if cause == nil {
		cause = future.ErrCancelled
	}
	c.t.cancel(c, withCause(context.Canceled, cause), cause)
}

// SetResult settles the pending call with v, as [Table.Resolve] does with
// its ID: for a transport that holds the call rather than its ID. If the
// call is settled already it returns [future.ErrAlreadySet] and changes
// nothing (no late reply is counted).
func (c *Call[V]) SetResult(v V) error {
	if !c.t.settle(c, v, nil) {
		return future.ErrAlreadySet
	}
	return nil
}

// SetError fails the pending call with err, as [Table.Reject] does with its
// ID. If the call is settled already it returns [future.ErrAlreadySet] and
// changes nothing. It panics if err is nil.
func (c *Call[V]) SetError(err error) error {
	if err == nil {
		panic("demux: SetError with a nil error")
	}
	var zero V
	if !c.t.settle(c, zero, err) {
		return future.ErrAlreadySet
	}
	return nil
}

// expire cancels the call because its context ended.
func (c *Call[V]) expire(ctx context.Context) {
	c.t.cancel(c, ctxError(ctx), context.Cause(ctx))
}

// Done returns a channel that is closed once the call is settled.
func (c *Call[V]) Done() <-chan struct{} { return c.settable.Done() }

// IsDone reports whether the call is settled. It never blocks.
func (c *Call[V]) IsDone() bool { return c.settable.IsDone() }

// Wait blocks until the call is settled or ctx is done. It returns nil once
// the call is settled, whatever with, and ctx.Err() if ctx ends first; ctx
// ending does not cancel the call (the context given to Add does).
func (c *Call[V]) Wait(ctx context.Context) error { return c.settable.Wait(ctx) }

// Get returns the reply and error the call settled with, or the zero value
// and [future.ErrNotDone] while it is pending. It never blocks.
func (c *Call[V]) Get() (V, error) { return c.settable.Get() }

// Err returns the call's error, nil if it settled with a reply, or
// [future.ErrNotDone] while it is pending. It never blocks.
func (c *Call[V]) Err() error { return c.settable.Err() }

// Await waits for the call as Wait does, then returns what Get returns.
func (c *Call[V]) Await(ctx context.Context) (V, error) { return c.settable.Await(ctx) }

// Register adds w to the call's waiters, or notifies w at once if the call
// is settled, as [future.Future.Register] does: w.Notify runs in the
// goroutine that settles the call, before it is done, and must not block.
// It is what makes a Call a [future.Notifier], so that package ops waits for
// calls without a goroutine each.
func (c *Call[V]) Register(w future.Waiter) future.Registration { return c.settable.Register(w) }

// String describes the call as "Call(id=7, pending)", "Call(id=7,
// value=V)" or "Call(id=7, error=E)".
func (c *Call[V]) String() string {
	if !c.IsDone() {
		return fmt.Sprintf("Call(id=%d, pending)", c.id)
	}
	v, err := c.Get()
	if err != nil {
		return fmt.Sprintf("Call(id=%d, error=%v)", c.id, err)
	}
	return fmt.Sprintf("Call(id=%d, value=%v)", c.id, v)
}

// release frees what the pending call held: its context watch and its slot.
// The table has removed it, so it runs once.
func (c *Call[V]) release() {
	if c.stop != nil {
		c.stop()
	}
	c.t.release()
}
