package demux_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/goresult/goresult/future/demux"
)

// A request and a reply go through the frames and come back as they were.
func TestBytesCodecRoundTrip(t *testing.T) {
	var codec demux.BytesCodec
	var buf bytes.Buffer
	codec.WriteRequest(&buf, 7, []byte("ask"))
	codec.WriteReply(&buf, 8, []byte("answer"), nil)
	codec.WriteReply(&buf, 9, nil, errors.New("no such thing"))

	id, req, err := codec.ReadRequest(&buf)
	if id != 7 || string(req) != "ask" || err != nil {
		t.Fatalf("ReadRequest: got %d, %q, %v; want 7, \"ask\", nil", id, req, err)
	}
	id, resp, callErr, err := codec.ReadReply(&buf)
	if id != 8 || string(resp) != "answer" || callErr != nil || err != nil {
		t.Fatalf("ReadReply: got %d, %q, %v, %v; want 8, \"answer\", nil, nil", id, resp, callErr, err)
	}
	id, _, callErr, err = codec.ReadReply(&buf)
	var remote *demux.RemoteError
	if id != 9 || !errors.As(callErr, &remote) || remote.Message != "no such thing" || err != nil {
		t.Fatalf("ReadReply: got %d, %v, %v; want 9, a *RemoteError, nil", id, callErr, err)
	}
	if _, _, _, err := codec.ReadReply(&buf); err != io.EOF {
		t.Fatalf("ReadReply at the end: got %v, want io.EOF", err)
	}
}

// Whatever the bytes, reading returns a frame or an error: it never panics,
// never allocates past MaxFrame, and ends inside a frame with
// io.ErrUnexpectedEOF rather than io.EOF.
func FuzzBytesCodec(f *testing.F) {
	var valid bytes.Buffer
	demux.BytesCodec{}.WriteReply(&valid, 1, []byte("payload"), nil)
	f.Add(valid.Bytes())
	f.Add(valid.Bytes()[:valid.Len()-1])
	f.Add([]byte{0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 1, 1})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 1, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		codec := demux.BytesCodec{MaxFrame: 64}
		_, resp, _, err := codec.ReadReply(bytes.NewReader(data))
		if len(resp) > 64 {
			t.Fatalf("a payload of %d bytes past MaxFrame", len(resp))
		}
		if err == io.EOF && len(data) > 0 {
			t.Fatalf("io.EOF after %d bytes: want io.ErrUnexpectedEOF", len(data))
		}
		if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF && !errors.Is(err, demux.ErrProtocol) {
			t.Fatalf("got %v, want EOF, unexpected EOF or ErrProtocol", err)
		}
	})
}
