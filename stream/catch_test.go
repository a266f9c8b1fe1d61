package stream_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/goresult/goresult/stream"
)

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
