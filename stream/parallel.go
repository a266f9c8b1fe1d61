package stream

import (
	"context"
	"sync/atomic"
)

// Order is the order in which [ParallelMap] passes on its results.
type Order int

const (
	// InputOrder passes results on in the order of their inputs: a slow
	// value holds back the ones after it (at most max(2n, 256) values wait
	// behind it, so memory stays bounded).
	InputOrder Order = iota

	// CompletionOrder passes each result on as soon as it is ready.
	CompletionOrder
)

// ParallelMap returns a stream of f(ctx, v) for each value v of s, computed
// by up to n goroutines at once, in the given order.
//
// Running the stream starts one goroutine that runs s and n workers that call
// f; the results reach yield in the goroutine that runs the stream. s is held
// back when the workers are all busy and max(2n, 256) values wait between
// the goroutines (in InputOrder, behind a slow one). The first error of f or
// s fails the stream and cancels the ctx passed to f; results not yet passed
// on are dropped. The stream also ends when ctx ends or downstream stops. On
// every path the goroutines are stopped and joined before the stream returns.
//
// A large n costs up front, on every run and whatever the data: n goroutines
// (a few KB of stack each) and two channels, of max(n, 128) and max(2n, 256)
// slots (pointers in InputOrder; values of T and of R in CompletionOrder):
// n = 10,000 is 10,000 goroutines and 30,000 slots before the first value.
// ParallelMap panics if s or f is nil, n < 1 or order is not one of the
// constants.
//
// Each value costs two channel hops between goroutines (a few hundred
// nanoseconds), so f should do real work, not a few instructions.
func ParallelMap[T, R any](s Stream[T], n int, order Order, f func(context.Context, T) (R, error)) Stream[R] {
	switch {
	case n < 1:
		panic("stream: ParallelMap with fewer than 1 worker")
	case order != InputOrder && order != CompletionOrder:
		panic("stream: ParallelMap with an unknown Order")
	case f == nil:
		panic("stream: ParallelMap with a nil function")
	}
	mustStream(s, "ParallelMap")
	return func(ctx context.Context, yield func(R) error) error {
		g := newGroup(ctx)
		defer g.stop()
		if order == InputOrder {
			return inInputOrder(ctx, g, s, n, f, yield)
		}
		return inCompletionOrder(ctx, g, s, n, f, yield)
	}
}

// inCompletionOrder feeds s to n workers, which send results on one channel.
func inCompletionOrder[T, R any](ctx context.Context, g *group, s Stream[T], n int, f func(context.Context, T) (R, error), yield func(R) error) error {
	w := window(n)
	in := produce(g, s, w/2)
	out := make(chan R, w)
	var left atomic.Int32
	left.Store(int32(n))
	for range n {
		g.Go(func(ctx context.Context) error {
			defer func() {
				if left.Add(-1) == 0 {
					close(out) // the last worker closes
				}
			}()
			return receive(ctx, in, func(v T) error {
				r, err := f(ctx, v)
				if err != nil {
					return err
				}
				return send(ctx, out, r)
			})
		})
	}
	return consume(ctx, g, out, yield)
}

// window returns how many values ParallelMap with n workers lets pile up
// between its goroutines. Deep buffers let each goroutine move many values per
// turn on a CPU: with workers as busy as the CPUs, a shallow hand-off makes the
// producer and the consumer wait for a turn for every value (measured: 2x the
// time of a worker pool with a 256-deep job queue, against 1.04x with this).
func window(n int) int { return max(2*n, 256) }

// slot carries one value through the workers in InputOrder; done is closed
// once r is set.
type slot[T, R any] struct {
	v    T
	r    R
	done chan struct{}
}

// inInputOrder sends each value both to the workers and, in order, to a queue
// of up to n slots that the consumer waits on one by one.
func inInputOrder[T, R any](ctx context.Context, g *group, s Stream[T], n int, f func(context.Context, T) (R, error), yield func(R) error) error {
	w := window(n)
	in := make(chan *slot[T, R], w/2)
	queue := make(chan *slot[T, R], w)
	g.Go(func(ctx context.Context) error {
		defer close(in)
		defer close(queue)
		return stopped(s(ctx, func(v T) error {
			sl := &slot[T, R]{v: v, done: make(chan struct{})} // one allocation per value
			if err := send(ctx, queue, sl); err != nil {
				return err
			}
			return send(ctx, in, sl)
		}))
	})
	for range n {
		g.Go(func(ctx context.Context) error {
			return receive(ctx, in, func(sl *slot[T, R]) error {
				r, err := f(ctx, sl.v)
				if err != nil {
					return err
				}
				sl.r = r
				close(sl.done)
				return nil
			})
		})
	}
	for {
		select {
		case sl, ok := <-queue:
			if !ok {
				return g.end(ctx)
			}
			select {
			case <-sl.done:
			case <-g.ctx.Done():
				return g.end(ctx)
			}
			if err := yield(sl.r); err != nil {
				return err
			}
		case <-g.ctx.Done():
			return g.end(ctx)
		}
	}
}
