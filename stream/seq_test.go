package stream_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/goresult/goresult/stream"
)

func TestFromSeq(t *testing.T) {
	got, err := stream.FromSeq(slices.Values([]int{1, 2, 3})).Collect(t.Context())
	if err != nil || !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("got %v, %v; want [1 2 3], nil", got, err)
	}
}

func TestSeq2Break(t *testing.T) {
	// A break must stop the stream's goroutines before the loop goes on;
	// goleak in TestMain checks none is left.
	var got []int
	for v, err := range upTo(100).Buffer(4).Seq2(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		if got = append(got, v); len(got) == 3 {
			break
		}
	}
	if !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("got %v, want [1 2 3]", got)
	}
}

func TestSeq2Error(t *testing.T) {
	var got []int
	var errs []error
	for v, err := range failing(errBoom).Seq2(t.Context()) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, v)
	}
	if !slices.Equal(got, []int{1, 2, 3}) || len(errs) != 1 || errs[0] != errBoom {
		t.Errorf("got %v and errors %v; want [1 2 3] and [%v]", got, errs, errBoom)
	}
}

// TestSeq2BodyPanic checks that a panic in the loop body is the loop's own:
// it is not turned into an error, and the stream's goroutines are stopped.
func TestSeq2BodyPanic(t *testing.T) {
	defer func() {
		if p := recover(); p != "body" {
			t.Errorf("recovered %v, want the body's panic", p)
		}
	}()
	for _, err := range stream.Map(naturals().Buffer(2), func(v int) int { return v }).Seq2(t.Context()) {
		if err != nil {
			t.Fatalf("got error %v, want the body's panic", err)
		}
		panic("body")
	}
	t.Error("loop ended without the panic")
}

func TestSeq2StreamPanic(t *testing.T) {
	var last error
	for _, err := range stream.Stream[int](panicking).Seq2(t.Context()) {
		last = err
	}
	if panicValue(last) != "source panic" {
		t.Errorf("got %v, want the source's panic as an error", last)
	}
}

func TestSeq2Cancel(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var last error
	for v, err := range naturals().Seq2(ctx) {
		if v == 2 {
			cancel()
		}
		last = err
	}
	if !errors.Is(last, context.Canceled) {
		t.Errorf("got %v, want %v", last, context.Canceled)
	}
}
