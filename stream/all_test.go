package stream_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/goresult/goresult/stream"
)

func TestAll(t *testing.T) {
	ctx, cancel := context.WithCancelCause(t.Context())
	defer cancel(nil)
	tests := []struct {
		name    string
		s       stream.Stream[int]
		ctx     context.Context
		stopAt  int // break after this value, 0 for none
		want    []int
		wantErr func(error) bool
	}{
		{"normal", upTo(3), t.Context(), 0, []int{1, 2, 3}, isNil},
		{"error", failing(errBoom), t.Context(), 0, []int{1, 2, 3}, is(errBoom)},
		{"break", naturals(), t.Context(), 2, []int{1, 2}, isNil},
		{"panic", panicking, t.Context(), 0, []int{1, 2, 3}, func(err error) bool { return panicValue(err) == "source panic" }},
		{"cancel", naturals().Tap(func(v int) {
			if v == 2 {
				cancel(errCause)
			}
		}), ctx, 0, []int{1, 2}, is(errCause)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			values, errf := tc.s.All(tc.ctx)
			var got []int
			for v := range values {
				got = append(got, v)
				if v == tc.stopAt {
					break
				}
			}
			if err := errf(); !tc.wantErr(err) || !slices.Equal(got, tc.want) {
				t.Errorf("got %v, %v; want %v and the expected error", got, err, tc.want)
			}
		})
	}
}

// TestAllLastRange: errf reports the last range; a body panic stays the
// loop's.
func TestAllLastRange(t *testing.T) {
	fail := true
	s := stream.Stream[int](func(ctx context.Context, yield func(int) error) error {
		if fail {
			return errBoom
		}
		return yield(1)
	})
	values, errf := s.All(t.Context())
	if err := errf(); err != nil {
		t.Errorf("before a range: got %v, want nil", err)
	}
	for range values {
	}
	if err := errf(); err != errBoom {
		t.Errorf("first range: got %v, want %v", err, errBoom)
	}
	fail = false
	for range values {
	}
	if err := errf(); err != nil {
		t.Errorf("second range: got %v, want nil", err)
	}
	defer func() {
		if p := recover(); p != "body" {
			t.Errorf("got panic %v, want the body's", p)
		}
	}()
	for range values {
		panic("body")
	}
}

func isNil(err error) bool { return err == nil }

func is(target error) func(error) bool {
	return func(err error) bool { return errors.Is(err, target) }
}
