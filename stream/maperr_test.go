package stream_test

import (
	"context"
	"errors"
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

// TestTapSeesEveryValueFirst: Tap's f sees each value before downstream.
func TestTapSeesEveryValueFirst(t *testing.T) {
	var log []string
	err := upTo(3).Tap(func(v int) { log = append(log, "tap "+strconv.Itoa(v)) }).
		ForEach(t.Context(), func(v int) error { log = append(log, "sink "+strconv.Itoa(v)); return nil })
	want := []string{"tap 1", "sink 1", "tap 2", "sink 2", "tap 3", "sink 3"}
	if err != nil || !slices.Equal(log, want) {
		t.Errorf("got %v, %v; want %v, nil", log, err, want)
	}
}

// TestCatch: Catch replaces s's own errors only.
func TestCatch(t *testing.T) {
	fallback := func(err error) stream.Stream[int] { return stream.FromSlice([]int{-1}) }
	errSink := errors.New("sink")
	tests := []struct {
		name    string
		s       stream.Stream[int]
		sink    func(int) error
		want    []int
		wantErr error
	}{
		{"own error caught", failing(errBoom).Catch(fallback), nil, []int{1, 2, 3, -1}, nil},
		{"f declines", failing(errBoom).Catch(func(error) stream.Stream[int] { return nil }), nil, []int{1, 2, 3}, errBoom},
		{"fallback fails", failing(errBoom).Catch(func(error) stream.Stream[int] { return failWith(errOther) }), nil, []int{1, 2, 3}, errOther},
		{"downstream error not caught", upTo(3).Catch(fallback), func(int) error { return errSink }, nil, errSink},
		{"no error", upTo(2).Catch(fallback), nil, []int{1, 2}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []int
			err := tc.s.ForEach(t.Context(), func(v int) error {
				if tc.sink != nil {
					return tc.sink(v)
				}
				got = append(got, v)
				return nil
			})
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil && err != nil) || !slices.Equal(got, tc.want) {
				t.Errorf("got %v, %v; want %v, %v", got, err, tc.want, tc.wantErr)
			}
		})
	}
	// A panic and ctx's end are never caught.
	caught := false
	catchAll := func(error) stream.Stream[int] { caught = true; return upTo(1) }
	_, err := stream.Stream[int](panicking).Catch(catchAll).Collect(t.Context())
	if panicValue(err) != "source panic" || caught {
		t.Errorf("panic: got %v, caught %v; want the *future.PanicError, not caught", err, caught)
	}
	ctx, cancel := context.WithCancelCause(t.Context())
	cancel(errCause)
	_, err = naturals().Catch(catchAll).Collect(ctx)
	if !errors.Is(err, errCause) || caught {
		t.Errorf("ctx: got %v, caught %v; want %v, not caught", err, caught, errCause)
	}
}
