package stream

import (
	"context"
	"slices"
)

// Window returns a stream of sliding windows over s by count: slices of n
// consecutive values, each starting step values after the one before.
// Window(s, 3, 1) of 1, 2, 3, 4, 5 is [1 2 3], [2 3 4], [3 4 5]; with step
// == n the windows are tumbling (as [Batch]'s, without the last, short one);
// with step > n the values between windows are skipped. Only full windows are
// passed on: a stream of fewer than n values gives none.
//
// Each window is a new slice that belongs to the receiver, so each costs an
// allocation and a copy of n values; the values of the window being filled
// are held in a buffer that grows with the data up to n. If s fails, the
// unfinished window is dropped and the error returned. Window panics if s is
// nil or n or step is below 1.
func Window[T any](s Stream[T], n, step int) Stream[[]T] {
	mustStream(s, "Window")
	if n < 1 || step < 1 {
		panic("stream: Window with a size or step below 1")
	}
	return func(ctx context.Context, yield func([]T) error) error {
		var buf []T
		skip := 0
		return s(ctx, func(v T) error {
			if skip > 0 {
				skip--
				return nil
			}
			if buf == nil {
				buf = make([]T, 0, firstCap(n))
			}
			if buf = append(buf, v); len(buf) < n {
				return nil
			}
			w := slices.Clone(buf)
			if step >= n {
				buf, skip = buf[:0], step-n
			} else {
				buf = append(buf[:0], buf[step:]...)
			}
			return yield(w)
		})
	}
}
