package natsdemux

import (
	"context"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/future/demux"
	"github.com/nats-io/nats.go"
)

// settable is the Future a Call is built on, embedded under an unexported
// name so that its Register (which makes a Call a future.Notifier: what
// future.AfterFunc and package ops register on, without a goroutine) is
// promoted to the Call.
type settable[R any] = future.Future[R]

// sealed hides the Future's SetResult and SetError: with two methods of
// each name at the same depth, neither is promoted.
type sealed[R any] struct{}

func (sealed[R]) SetResult(R) error    { panic("natsdemux: unreachable") }
func (sealed[R]) SetError(error) error { panic("natsdemux: unreachable") }

// Call is one request waiting for its reply: a [future.Result] that settles
// once, with the decoded reply, the worker's error ([*ServiceError]), an
// error matching [ErrMalformed] for a reply that does not decode, its
// context's error (its cause kept), or its connection's; and a
// [future.Canceler], so that ops.Race and ops.Timeout cancel the losers.
// Get one from [Client.Request] or [Endpoint.Request].
//
// A Call holds no goroutine while it is pending. It is a
// [future.Notifier]: waiters registered on it with future.Register or
// future.AfterFunc run in the goroutine that settles it (for a reply, the
// client's inbox subscription). All its methods are safe to call
// concurrently.
type Call[R any] struct {
	sealed[R]
	settable[R]
	call *demux.Call[*nats.Msg] // nil if the request failed before it was sent
}

// failedCall returns a Call that failed with err before it was sent.
func failedCall[R any](err error) *Call[R] {
	c := &Call[R]{}
	c.settable.SetError(err)
	return c
}

// Cancel settles the call, if it is still pending, with an error matching
// both context.Canceled and cause ([future.ErrCancelled] if cause is nil),
// frees its slot and publishes a cancel message, so that the worker's
// context is cancelled with a [*CancelError] matching cause. It does not
// block (beyond the publish, which nats.go buffers) and does nothing on a
// settled call; a reply that comes later is counted as Late. It is safe to
// call concurrently and more than once.
func (c *Call[R]) Cancel(cause error) {
	if c.call != nil {
		c.call.Cancel(cause)
	}
}

// Done returns a channel that is closed once the call is settled.
func (c *Call[R]) Done() <-chan struct{} { return c.settable.Done() }

// IsDone reports whether the call is settled. It never blocks.
func (c *Call[R]) IsDone() bool { return c.settable.IsDone() }

// Wait blocks until the call is settled or ctx is done. It returns nil once
// the call is settled, whatever with, and ctx.Err() if ctx ends first; ctx
// ending does not cancel the call (the context of the request does).
func (c *Call[R]) Wait(ctx context.Context) error { return c.settable.Wait(ctx) }

// Get returns the reply and error the call settled with, or the zero value
// and [future.ErrNotDone] while it is pending. It never blocks.
func (c *Call[R]) Get() (R, error) { return c.settable.Get() }

// Err returns the call's error, nil if it settled with a reply, or
// [future.ErrNotDone] while it is pending. It never blocks.
func (c *Call[R]) Err() error { return c.settable.Err() }

// Await waits as Wait does, then returns what Get returns. If ctx ends
// first it returns the zero value and ctx.Err(), and the call goes on.
func (c *Call[R]) Await(ctx context.Context) (R, error) { return c.settable.Await(ctx) }

// String describes the call's state, as a future.Future's String does.
func (c *Call[R]) String() string { return c.settable.String() }
