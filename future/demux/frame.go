package demux

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

// DefaultMaxFrame is the largest frame [BytesCodec] and [JSONCodec] accept
// when their MaxFrame is 0: 16 MiB.
const DefaultMaxFrame = 16 << 20

// The wire format of BytesCodec and JSONCodec: a frame is a big-endian
// uint32 length of what follows it, a big-endian uint64 ID, a kind byte and
// the payload.
const (
	headerLen = 4 + 8 + 1
	minFrame  = 8 + 1 // the length of a frame with an empty payload
)

// The kinds of frame.
const (
	kindRequest byte = iota
	kindValue        // a reply with a value
	kindError        // a reply with an error message
)

// writeFrame writes one frame to w.
func writeFrame(w io.Writer, id uint64, kind byte, payload []byte) error {
	if uint64(len(payload)) > math.MaxUint32-minFrame {
		return fmt.Errorf("demux: a payload of %d bytes does not fit in a frame", len(payload))
	}
	var h [headerLen]byte
	binary.BigEndian.PutUint32(h[:4], uint32(minFrame+len(payload)))
	binary.BigEndian.PutUint64(h[4:12], id)
	h[12] = kind
	if _, err := w.Write(h[:]); err != nil {
		return err
	}
	_, err := w.Write(payload)
	return err
}

// readFrame reads one frame from r, whose length must be at most max (or
// DefaultMaxFrame if max is 0). It returns io.EOF only if r ends before the
// frame starts, io.ErrUnexpectedEOF if it ends inside one, and an error
// matching ErrProtocol for a malformed length.
func readFrame(r io.Reader, max int) (id uint64, kind byte, payload []byte, err error) {
	if max <= 0 {
		max = DefaultMaxFrame
	}
	var h [headerLen]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return 0, 0, nil, err
	}
	n := binary.BigEndian.Uint32(h[:4])
	if n < minFrame || uint64(n) > uint64(max) {
		return 0, 0, nil, fmt.Errorf("%w: frame length %d, want %d to %d", ErrProtocol, n, minFrame, max)
	}
	payload = make([]byte, n-minFrame)
	if _, err := io.ReadFull(r, payload); err != nil {
		return 0, 0, nil, unexpected(err)
	}
	return binary.BigEndian.Uint64(h[4:12]), h[12], payload, nil
}

// unexpected turns io.EOF inside a frame into io.ErrUnexpectedEOF.
func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// badKind returns the error for a frame of the wrong kind.
func badKind(kind byte, want string) error {
	return fmt.Errorf("%w: frame of kind %d, want %s", ErrProtocol, kind, want)
}

// readReplyFrame reads one reply frame and splits it into its payload or
// its remote error.
func readReplyFrame(r io.Reader, max int) (id uint64, payload []byte, callErr, err error) {
	id, kind, payload, err := readFrame(r, max)
	switch {
	case err != nil:
		return 0, nil, nil, err
	case kind == kindValue:
		return id, payload, nil, nil
	case kind == kindError:
		return id, nil, &RemoteError{Message: string(payload)}, nil
	default:
		return 0, nil, nil, badKind(kind, "a reply")
	}
}

// readRequestFrame reads one request frame.
func readRequestFrame(r io.Reader, max int) (id uint64, payload []byte, err error) {
	id, kind, payload, err := readFrame(r, max)
	if err == nil && kind != kindRequest {
		return 0, nil, badKind(kind, "a request")
	}
	return id, payload, err
}

// writeReplyFrame writes a reply: payload, or callErr's message if it is
// not nil.
func writeReplyFrame(w io.Writer, id uint64, payload []byte, callErr error) error {
	if callErr != nil {
		return writeFrame(w, id, kindError, []byte(callErr.Error()))
	}
	return writeFrame(w, id, kindValue, payload)
}
