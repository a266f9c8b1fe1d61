package demux

import "io"

// Codec puts a [Client]'s requests on the wire with their IDs and reads the
// replies back. [BytesCodec] and [JSONCodec] are codecs; any protocol that
// carries an ID in each request and its reply can be one.
//
// The client calls WriteRequest from the goroutine that sends the request,
// concurrently with other senders, each with a buffer of its own that the
// client then writes to the connection in one piece; and ReadReply from its
// one reader goroutine, on a buffered reader over the connection. A panic in
// either is recovered: in WriteRequest it fails that request, in ReadReply
// the connection, with a [*future.PanicError].
type Codec[Req, Resp any] interface {
	// WriteRequest writes one request, with its id, to w.
	WriteRequest(w io.Writer, id uint64, req Req) error

	// ReadReply reads one reply from r and returns its id and either its
	// value, or in callErr an error for that call only (the peer failed the
	// request, or the reply's body does not decode while the stream is
	// intact). A non-nil err means the stream cannot be read on: it fails
	// the connection and every pending call. ReadReply returns io.EOF if
	// the peer closed the connection between two replies.
	ReadReply(r io.Reader) (id uint64, resp Resp, callErr, err error)
}
