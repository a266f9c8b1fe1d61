package demux

import "fmt"

// Option configures a [Table] made by [New], or the table of a [Client].
type Option interface {
	apply(*config)
}

type config struct {
	limit    int                          // 0: no limit
	onCancel func(id uint64, cause error) // nil: nothing to tell
}

func makeConfig(opts []Option) config {
	var c config
	for _, o := range opts {
		o.apply(&c)
	}
	return c
}

type maxInFlight int

func (n maxInFlight) apply(c *config) { c.limit = int(n) }

// MaxInFlight limits the table to n pending calls: [Table.Add] waits for a
// slot while n are pending. A slot is freed as soon as its call settles,
// whichever way. Without it the number of pending calls is not limited.
// MaxInFlight panics if n is below 1.
func MaxInFlight(n int) Option {
	if n < 1 {
		panic(fmt.Sprintf("demux: MaxInFlight(%d): the limit must be at least 1", n))
	}
	return maxInFlight(n)
}

type onCancel func(id uint64, cause error)

func (f onCancel) apply(c *config) { c.onCancel = f }

// OnCancel gives the transport a hook that the table calls when a pending
// call is cancelled (by [Call.Cancel] or by the end of its context), with
// the call's ID and the cause, so that the transport can tell the peer to
// stop. The call is already settled and its slot free when f runs. f runs
// in the goroutine that cancelled the call (for a context, the goroutine
// context.AfterFunc starts), so it must not block; a panic in f continues
// in that goroutine. It is not called for calls that FailAll or Close fail.
// OnCancel panics if f is nil.
func OnCancel(f func(id uint64, cause error)) Option {
	if f == nil {
		panic("demux: OnCancel with a nil function")
	}
	return onCancel(f)
}
