// Package demux matches replies read from a shared connection to the calls
// waiting for them: the use aioresult's README names for a Future, "an API
// wants to return a value that will be demultiplexed from a shared
// connection".
//
// A [Table] is transport-agnostic. [Table.Add] gives each request a
// [*Call] with an ID to put on the wire; the transport's reader settles it
// with [Table.Resolve] or [Table.Reject] when the reply with that ID comes
// back, in any order; [Table.FailAll] fails every pending call when the
// connection is lost and [Table.Close] when the transport shuts down. A
// Call is a [future.Result] and a [future.Canceler]: cancelling it, or the
// end of the context it was added with, settles it with the context's error
// (its cause kept), frees its slot at once and tells the transport through
// the [OnCancel] hook. So ops.Race, ops.Timeout and ops.Until work over
// calls as over tasks, and the losers stop holding slots.
//
// No goroutine waits for a pending call: a call is a future.Future, settled
// by whoever settles it, and its context is watched with context.AfterFunc.
// Every call settles exactly once, with its reply, its own error, its
// context's error or the connection's; a reply for an ID that is unknown,
// expired or already settled is dropped and counted in [Stats].Late.
//
// [Client] is a transport over one stream connection (a net.Conn): a
// [Codec] puts requests with their IDs on the wire and reads replies, one
// reader goroutine settles the calls, and [BytesCodec] and [JSONCodec]
// frame a []byte or JSON payload with a length prefix.
//
// Misuse that is a programming error (a nil context, codec or connection,
// MaxInFlight below 1, Reject or SetError with a nil error) panics with a message that
// starts with "demux:".
package demux
