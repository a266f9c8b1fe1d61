package stream

import "time"

// queue is a first-in first-out queue of values over one slice, for the
// operators that hold values for a time (Delay, WindowTime). Its slice is
// reused, so a steady flow allocates nothing per value; it holds what is
// queued, and at most twice that in capacity once compacted.
type queue[T any] struct {
	xs   []T
	head int
}

func (q *queue[T]) len() int { return len(q.xs) - q.head }

func (q *queue[T]) push(v T) {
	if q.head > 0 && q.head >= len(q.xs)/2 && len(q.xs) == cap(q.xs) {
		n := copy(q.xs, q.xs[q.head:])
		clear(q.xs[n:])
		q.xs, q.head = q.xs[:n], 0
	}
	q.xs = append(q.xs, v)
}

// peek returns the first value; the queue must not be empty.
func (q *queue[T]) peek() T { return q.xs[q.head] }

// at returns the i-th value from the front.
func (q *queue[T]) at(i int) T { return q.xs[q.head+i] }

// pop removes the first value and returns it; the queue must not be empty.
func (q *queue[T]) pop() T {
	var zero T
	v := q.xs[q.head]
	q.xs[q.head] = zero
	if q.head++; q.head == len(q.xs) {
		q.xs, q.head = q.xs[:0], 0
	}
	return v
}

// timed is a value with a time: when it arrived, or when it is due.
type timed[T any] struct {
	v  T
	at time.Time
}
