package natsdemux_test

import (
	"slices"
	"testing"

	"github.com/goresult/goresult/future/demux/natsdemux"
)

type point struct{ X, Y int }

func TestJSONRoundTrip(t *testing.T) {
	c := natsdemux.JSON[point]()
	data, err := c.Encode(point{1, 2})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(data), `{"X":1,"Y":2}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got, err := c.Decode(data); got != (point{1, 2}) || err != nil {
		t.Errorf("got %v, %v, want {1 2}, nil", got, err)
	}
	if _, err := c.Decode([]byte("{")); err == nil {
		t.Error("got no error decoding a broken payload, want one")
	}
}

func TestBytesPassThrough(t *testing.T) {
	c := natsdemux.Bytes()
	in := []byte("as is")
	data, _ := c.Encode(in)
	out, _ := c.Decode(data)
	if !slices.Equal(out, in) {
		t.Errorf("got %q, want %q", out, in)
	}
}
