package demux

import (
	"encoding/json"
	"fmt"
	"io"
)

// JSONCodec is a [Codec] for requests of type Req and replies of type Resp
// encoded as JSON, in the frames of [BytesCodec]. A reply whose body does
// not decode into Resp fails that call only, with the decoding error; a
// malformed frame fails the connection. Its ReadRequest and WriteReply
// methods are the server's side.
//
// The zero JSONCodec accepts frames up to [DefaultMaxFrame]. It holds no
// state.
type JSONCodec[Req, Resp any] struct {
	MaxFrame int // the largest frame accepted, in bytes; 0 means DefaultMaxFrame
}

// WriteRequest writes req, as JSON, in a request frame with the given id. A
// value that does not encode fails with the encoder's error and writes
// nothing.
func (JSONCodec[Req, Resp]) WriteRequest(w io.Writer, id uint64, req Req) error {
	body, err := json.Marshal(req)
	if err != nil {
		return fmt.Errorf("demux: request %d: %w", id, err)
	}
	return writeFrame(w, id, kindRequest, body)
}

// ReadReply reads one reply frame and decodes its body. A reply carrying an
// error is returned as a [*RemoteError] in callErr, and a body that does not
// decode as the decoder's error in callErr.
func (c JSONCodec[Req, Resp]) ReadReply(r io.Reader) (id uint64, resp Resp, callErr, err error) {
	id, body, callErr, err := readReplyFrame(r, c.MaxFrame)
	if err != nil || callErr != nil {
		return id, resp, callErr, err
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		return id, resp, fmt.Errorf("demux: reply %d: %w", id, err), nil
	}
	return id, resp, nil, nil
}

// ReadRequest reads one request frame and decodes its body, for a server.
// A body that does not decode is returned as an error for that request
// only, in reqErr; err means the stream cannot be read on (io.EOF between
// two frames).
func (c JSONCodec[Req, Resp]) ReadRequest(r io.Reader) (id uint64, req Req, reqErr, err error) {
	id, body, err := readRequestFrame(r, c.MaxFrame)
	if err != nil {
		return 0, req, nil, err
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return id, req, fmt.Errorf("demux: request %d: %w", id, err), nil
	}
	return id, req, nil, nil
}

// WriteReply writes a reply frame for id, for a server: resp as JSON, or
// the message of callErr if it is not nil. A value that does not encode is
// sent as an error reply with the encoder's message.
func (JSONCodec[Req, Resp]) WriteReply(w io.Writer, id uint64, resp Resp, callErr error) error {
	if callErr != nil {
		return writeReplyFrame(w, id, nil, callErr)
	}
	body, err := json.Marshal(resp)
	if err != nil {
		return writeReplyFrame(w, id, nil, err)
	}
	return writeReplyFrame(w, id, body, nil)
}
