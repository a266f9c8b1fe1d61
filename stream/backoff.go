package stream

import (
	"math"
	"math/rand/v2"
	"time"
)

// RetryForever is the value of [Backoff.Retries] for a policy with no limit
// on the number of retries. Such a policy needs a positive Delay, so that it
// never busy-loops.
const RetryForever = -1

// Backoff is a retry policy: how many times to retry, how long to wait before
// each retry, and which errors are worth one. It is a plain value, read once
// when it is given to [Stream.Retry] (or to package ops' Retry, which shares
// it); the zero Backoff retries nothing.
//
// Retry number k (k = 1 for the first) waits
//
//	d = min(Delay * Multiplier^(k-1), MaxDelay)
//
// less a random part of up to Jitter*d: the wait is drawn uniformly from
// [d*(1-Jitter), d]. Jitter 1 is "full jitter", which spreads the retries of
// many clients that failed together.
type Backoff struct {
	// Retries is how many times a failure is retried: 0 for none, or
	// RetryForever. Below RetryForever is a programming error.
	Retries int

	// Delay is the wait before the first retry. Zero retries at once,
	// which a finite policy may do; RetryForever needs a positive Delay.
	Delay time.Duration

	// Multiplier scales the wait from one retry to the next: 2 doubles it.
	// Zero is taken as 1, a constant wait; otherwise it must be at least 1.
	Multiplier float64

	// MaxDelay caps each wait, before jitter; zero for no cap.
	MaxDelay time.Duration

	// Jitter, from 0 to 1, is the fraction of each wait drawn at random.
	// With 1 a wait may come close to zero, though its mean is half the
	// delay, so a policy with RetryForever still waits Delay/2 a retry on
	// average.
	Jitter float64

	// ResetOnValue starts the count of retries and the waits again after a
	// run that passed on a value: for a long-lived source that resumes
	// where it stopped (a feed, a subscription) and may fail many times
	// over its life, each failure after progress is a first one. Without
	// it, Retries bounds the retries of the whole stream.
	ResetOnValue bool

	// Retryable reports whether an error is worth a retry; nil retries
	// every error. It is never asked about ctx's end, a panic or
	// runtime.Goexit: those are never retried.
	Retryable func(error) bool
}

// check panics, naming op, if b is not a valid policy.
func (b Backoff) check(op string) {
	switch {
	case b.Retries < RetryForever:
		panic("stream: " + op + " with a negative number of retries (use RetryForever for no limit)")
	case b.Delay < 0 || b.MaxDelay < 0:
		panic("stream: " + op + " with a negative delay")
	case b.Retries == RetryForever && b.Delay == 0:
		panic("stream: " + op + " with RetryForever and no delay, which would busy-loop")
	case b.Multiplier != 0 && !(b.Multiplier >= 1): // rejects NaN too
		panic("stream: " + op + " with a multiplier below 1")
	case !(b.Jitter >= 0 && b.Jitter <= 1):
		panic("stream: " + op + " with a jitter outside [0, 1]")
	}
}

// retries reports whether the k-th retry (from 1) of err is allowed.
func (b Backoff) retries(k int, err error) bool {
	if b.Retries != RetryForever && k > b.Retries {
		return false
	}
	return b.Retryable == nil || b.Retryable(err)
}

// wait returns how long to wait before the k-th retry (from 1).
func (b Backoff) wait(k int) time.Duration {
	m := b.Multiplier
	if m == 0 {
		m = 1
	}
	d := float64(b.Delay) * math.Pow(m, float64(k-1))
	if b.MaxDelay > 0 {
		d = min(d, float64(b.MaxDelay))
	}
	d = min(d, math.MaxInt64/2) // no overflow, however many retries
	if b.Jitter > 0 {
		d -= b.Jitter * d * rand.Float64()
	}
	return time.Duration(d)
}
