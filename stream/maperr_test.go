package stream_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/goresult/goresult/stream"
)

// TestMapErrStops: f's error fails the stream, unchanged, and s is not read
// past the failing value; ErrStop from f ends it normally.
func TestMapErrStops(t *testing.T) {
	read := 0
	src := stream.Stream[int](naturals()).Tap(func(int) { read++ })
	got, err := stream.MapErr(src, func(v int) (int, error) {
		if v == 3 {
			return 0, errBoom
		}
		return v, nil
	}).Collect(t.Context())
	if err != errBoom || !slices.Equal(got, []int{1, 2}) || read != 3 {
		t.Errorf("got %v, %v after reading %d; want [1 2], %v after reading 3", got, err, read, errBoom)
	}
	got, err = stream.MapErr(naturals(), func(v int) (int, error) {
		if v == 3 {
			return 0, stream.ErrStop
		}
		return v, nil
	}).Collect(t.Context())
	if err != nil || !slices.Equal(got, []int{1, 2}) {
		t.Errorf("ErrStop: got %v, %v; want [1 2], nil", got, err)
	}
	// A stream's own early end is nil, not ErrStop, so Concat goes on.
	got, _ = stream.Concat(stream.MapErr(upTo(5), func(v int) (int, error) {
		if v == 2 {
			return 0, stream.ErrStop
		}
		return v, nil
	}), upTo(1)).Collect(t.Context())
	if !slices.Equal(got, []int{1, 1}) {
		t.Errorf("Concat after ErrStop: got %v, want [1 1]", got)
	}
}

func TestFilterMap(t *testing.T) {
	atoi := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	got, err := stream.FilterMap(stream.FromSlice([]string{"1", "x", "3", "", "5"}), atoi).Collect(t.Context())
	if err != nil || !slices.Equal(got, []int{1, 3, 5}) {
		t.Errorf("got %v, %v; want [1 3 5], nil", got, err)
	}
}
