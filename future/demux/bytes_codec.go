package demux

import "io"

// BytesCodec is a [Codec] for []byte requests and replies, each framed with
// a length prefix, its ID and a kind (request, value reply or error reply).
// Its ReadRequest and WriteReply methods are the server's side of the same
// protocol.
//
// The zero BytesCodec accepts frames up to [DefaultMaxFrame]. A frame with
// a length below the header's or above MaxFrame is a protocol error
// (matching [ErrProtocol]) that fails the connection. Its methods are safe to
// call concurrently on different streams; a BytesCodec holds no state.
type BytesCodec struct {
	MaxFrame int // the largest frame accepted, in bytes; 0 means DefaultMaxFrame
}

// WriteRequest writes req as a request frame with the given id.
func (BytesCodec) WriteRequest(w io.Writer, id uint64, req []byte) error {
	return writeFrame(w, id, kindRequest, req)
}

// ReadReply reads one reply frame. A reply carrying an error is returned as
// a [*RemoteError] in callErr.
func (c BytesCodec) ReadReply(r io.Reader) (id uint64, resp []byte, callErr, err error) {
	return readReplyFrame(r, c.MaxFrame)
}

// ReadRequest reads one request frame, for a server. It returns io.EOF if r
// ends between two frames.
func (c BytesCodec) ReadRequest(r io.Reader) (id uint64, req []byte, err error) {
	return readRequestFrame(r, c.MaxFrame)
}

// WriteReply writes a reply frame for id, for a server: resp, or the
// message of callErr if it is not nil, which the client reads as a
// [*RemoteError].
func (BytesCodec) WriteReply(w io.Writer, id uint64, resp []byte, callErr error) error {
	return writeReplyFrame(w, id, resp, callErr)
}
