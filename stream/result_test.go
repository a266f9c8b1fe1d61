package stream_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/stream"
)

func TestFromResult(t *testing.T) {
	got, err := stream.FromResult[int](future.Resolved(5)).Collect(t.Context())
	if err != nil || !slices.Equal(got, []int{5}) {
		t.Errorf("got %v, %v; want [5], nil", got, err)
	}
	_, err = stream.FromResult[int](future.Failed[int](errBoom)).Collect(t.Context())
	if err != errBoom {
		t.Errorf("failed result: got %v, want %v", err, errBoom)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err = stream.FromResult[int](future.New[int]()).Collect(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("pending result, cancelled: got %v, want %v", err, context.Canceled)
	}
}

func TestFirstLast(t *testing.T) {
	tests := []struct {
		name      string
		s         stream.Stream[int]
		first     int
		last      int
		wantError func(error) bool
	}{
		{name: "values", s: upTo(4), first: 1, last: 4},
		{name: "empty", s: upTo(0), wantError: func(err error) bool { return err == stream.ErrEmpty }},
		{name: "error", s: failing(errBoom), first: 1, wantError: func(err error) bool { return err == errBoom }},
		{name: "panic", s: panicking, first: 1, wantError: func(err error) bool { return panicValue(err) == "source panic" }},
	}
	for _, tc := range tests {
		v, err := tc.s.First(t.Context()).Await(t.Context())
		if tc.name != "empty" { // the first value comes before the failure
			if err != nil || v != tc.first {
				t.Errorf("%s: First got %d, %v; want %d, nil", tc.name, v, err, tc.first)
			}
		} else if !tc.wantError(err) {
			t.Errorf("%s: First got %v", tc.name, err)
		}
		v, err = tc.s.Last(t.Context()).Await(t.Context())
		if tc.wantError == nil {
			if err != nil || v != tc.last {
				t.Errorf("%s: Last got %d, %v; want %d, nil", tc.name, v, err, tc.last)
			}
		} else if !tc.wantError(err) {
			t.Errorf("%s: Last got %v", tc.name, err)
		}
	}
}

// TestFirstStopsStream checks that First stops an endless stream, and Last
// ends with ctx or with the task's Cancel.
func TestFirstStopsStream(t *testing.T) {
	v, err := naturals().Buffer(2).First(t.Context()).Await(t.Context())
	if err != nil || v != 1 {
		t.Errorf("got %d, %v; want 1, nil", v, err)
	}
	task := naturals().Last(t.Context())
	task.Cancel(errBoom)
	if _, err := task.Await(t.Context()); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Last: got %v, want %v", err, context.Canceled)
	}
}
