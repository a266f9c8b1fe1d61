package rx_test

import (
	"context"
	"testing"

	"github.com/goresult/goresult/stream"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// collect runs s and returns its values and its error, without depending on
// the sinks of package stream.
func collect[T any](ctx context.Context, s stream.Stream[T]) ([]T, error) {
	var got []T
	err := s(ctx, func(v T) error {
		got = append(got, v)
		return nil
	})
	return got, err
}

// fromSlice is a minimal stream source, written here so that these tests do
// not depend on the sources of package stream.
func fromSlice[T any](vs ...T) stream.Stream[T] {
	return func(ctx context.Context, yield func(T) error) error {
		for _, v := range vs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := yield(v); err != nil {
				return err
			}
		}
		return nil
	}
}

// endless is a stream of 0, 1, 2, ... that runs until it is stopped, and
// closes exited once it has returned.
func endless(exited chan<- struct{}) stream.Stream[int] {
	return func(ctx context.Context, yield func(int) error) error {
		defer close(exited)
		for i := 0; ; i++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := yield(i); err != nil {
				return err
			}
		}
	}
}
