package stream

import (
	"context"
	"time"

	"github.com/goresult/goresult/internal/ctxerr"
)

// Batch returns a stream of slices of up to n consecutive values of s. Every
// slice but the last holds n values; the last holds what is left when s ends
// and is not passed on if empty. Each slice is new and belongs to the
// receiver. A slice grows with the values it holds (from room for
// min(n, 64)), so n is a limit, not an allocation: Batch(s, 1e9) of a short
// stream costs what the stream holds. If s fails, the values of the
// unfinished slice are dropped and the error is returned. Batch panics if s
// is nil or n < 1.
func Batch[T any](s Stream[T], n int) Stream[[]T] {
	mustStream(s, "Batch")
	if n < 1 {
		panic("stream: Batch with a size below 1")
	}
	return func(ctx context.Context, yield func([]T) error) error {
		var batch []T
		err := s(ctx, func(v T) error {
			if batch == nil {
				batch = make([]T, 0, firstCap(n))
			}
			if batch = append(batch, v); len(batch) < n {
				return nil
			}
			full := batch
			batch = nil
			return yield(full)
		})
		if err != nil || len(batch) == 0 {
			return err
		}
		return yield(batch)
	}
}

// BatchTime returns a stream of slices of up to n consecutive values of s,
// like [Batch], except that a slice is also passed on, not full, once d has
// passed since its first value arrived: a slow source still delivers its
// values within about d. Slices are never empty, and grow with their values
// as Batch's do.
//
// s runs in a goroutine of its own, which BatchTime starts when the stream is
// run and stops and joins before the stream returns, on every path. The
// timer runs from the first value of each slice, so an idle source produces
// no slices and no wake-ups. If s fails or ctx ends, the unfinished slice is
// dropped and the error (or ctx's) returned. BatchTime panics if s is nil,
// n < 1 or d <= 0.
func BatchTime[T any](s Stream[T], n int, d time.Duration) Stream[[]T] {
	mustStream(s, "BatchTime")
	if n < 1 {
		panic("stream: BatchTime with a size below 1")
	}
	if d <= 0 {
		panic("stream: BatchTime with a non-positive interval")
	}
	return func(ctx context.Context, yield func([]T) error) error {
		g := newGroup(ctx)
		defer g.stop()
		ch := produce(g, s, 0)
		timer := time.NewTimer(d)
		timer.Stop()
		defer timer.Stop()
		var batch []T
		var tick <-chan time.Time // nil while batch is empty
		flush := func() error {
			timer.Stop()
			full := batch
			batch, tick = nil, nil
			return yield(full)
		}
		for {
			select {
			case v, ok := <-ch:
				if !ok {
					if err := g.end(ctx); err != nil || len(batch) == 0 {
						return err
					}
					return flush()
				}
				if batch == nil {
					batch = make([]T, 0, firstCap(n))
					timer.Reset(d)
					tick = timer.C
				}
				if batch = append(batch, v); len(batch) == n {
					if err := flush(); err != nil {
						return err
					}
				}
			case <-tick:
				if err := flush(); err != nil {
					return err
				}
			case <-ctx.Done():
				return ctxerr.Of(ctx)
			}
		}
	}
}

// firstCap is the capacity a batch of up to n values starts with: enough for
// small batches to never grow, small enough that a large n costs nothing
// until values come.
func firstCap(n int) int { return min(n, 64) }
