package stream_test

import (
	"context"
	"errors"
	"testing"

	"go.uber.org/goleak"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/stream"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

var (
	errBoom  = errors.New("boom")
	errOther = errors.New("other")
)

// failWith is a stream that fails with err at once.
func failWith(err error) stream.Stream[int] {
	return func(context.Context, func(int) error) error { return err }
}

// failOnce is a stream that fails with err on its first run and is empty
// on the later ones.
func failOnce(err error) stream.Stream[int] {
	runs := 0
	return func(context.Context, func(int) error) error {
		if runs++; runs == 1 {
			return err
		}
		return nil
	}
}

// naturals is the endless stream 1, 2, 3, ...
func naturals() stream.Stream[int] {
	n := 0
	return stream.Generate(func(context.Context) (int, error) {
		n++
		return n, nil
	})
}

// upTo is the stream 1..n.
func upTo(n int) stream.Stream[int] {
	xs := make([]int, n)
	for i := range xs {
		xs[i] = i + 1
	}
	return stream.FromSlice(xs)
}

// failing yields 1, 2, 3 and then fails with err.
func failing(err error) stream.Stream[int] {
	return func(ctx context.Context, yield func(int) error) error {
		for i := 1; i <= 3; i++ {
			if err := yield(i); err != nil {
				return err
			}
		}
		return err
	}
}

// panicking yields 1, 2, 3 and then panics.
func panicking(ctx context.Context, yield func(int) error) error {
	for i := 1; i <= 3; i++ {
		if err := yield(i); err != nil {
			return err
		}
	}
	panic("source panic")
}

// panicValue returns the value of the *future.PanicError in err, or nil.
func panicValue(err error) any {
	var pe *future.PanicError
	if !errors.As(err, &pe) {
		return nil
	}
	return pe.Value
}
