package natsdemux

import "encoding/json"

// Codec turns values of type T into message payloads and back. Encode and
// Decode may be called from many goroutines at once. An error from Decode
// fails the request (or the gather) whose message it was, wrapped so that
// it matches [ErrMalformed]; an error from Encode fails the request before
// it is sent.
type Codec[T any] interface {
	Encode(v T) ([]byte, error)
	Decode(data []byte) (T, error)
}

// JSON returns a Codec that encodes values of type T with encoding/json.
func JSON[T any]() Codec[T] { return jsonCodec[T]{} }

type jsonCodec[T any] struct{}

func (jsonCodec[T]) Encode(v T) ([]byte, error) { return json.Marshal(v) }

func (jsonCodec[T]) Decode(data []byte) (T, error) {
	var v T
	err := json.Unmarshal(data, &v)
	return v, err
}

// Bytes returns a Codec that passes payloads through unchanged. Decode
// returns the message's own slice, not a copy.
func Bytes() Codec[[]byte] { return bytesCodec{} }

type bytesCodec struct{}

func (bytesCodec) Encode(v []byte) ([]byte, error)    { return v, nil }
func (bytesCodec) Decode(data []byte) ([]byte, error) { return data, nil }
