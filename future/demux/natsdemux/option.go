package natsdemux

import (
	"fmt"
	"time"
)

// Option configures a [Client] made by [New].
type Option interface {
	apply(*config)
}

type config struct {
	maxInFlight  int           // 0: no limit
	failFast     bool          // fail pending requests when the connection drops
	retry        time.Duration // first delay between no-responders retries; 0: no retries
	pendingMsgs  int           // the inbox subscription's pending limits; 0: nats.go's
	pendingBytes int
}

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

// MaxInFlight limits the client to n pending requests: a request waits
// (bounded by its context) for a slot while n are pending, as
// demux.MaxInFlight does. It panics if n is below 1.
func MaxInFlight(n int) Option {
	if n < 1 {
		panic(fmt.Sprintf("natsdemux: MaxInFlight(%d): the limit must be at least 1", n))
	}
	return optionFunc(func(c *config) { c.maxInFlight = n })
}

// FailOnDisconnect makes the client fail its pending requests as soon as
// the connection drops, with an error matching demux.ErrConnLost (a
// *demux.ConnLostError holding nats' reason), and fail requests made
// while it is down at once, the same way. Without it they wait for their
// deadlines, and a reply sent after the reconnection still settles them.
func FailOnDisconnect() Option {
	return optionFunc(func(c *config) { c.failFast = true })
}

// RetryNoResponders makes the client send a request again when the server
// answers that no one is subscribed to its subject, after first, then
// twice as long each time up to a second, until its context ends. Nobody
// received the request, so sending it again is safe. Without it such a
// request fails with nats.ErrNoResponders. It panics if first is not
// positive.
func RetryNoResponders(first time.Duration) Option {
	if first <= 0 {
		panic(fmt.Sprintf("natsdemux: RetryNoResponders(%v): the delay must be positive", first))
	}
	return optionFunc(func(c *config) { c.retry = first })
}

// PendingLimits sets the limits of replies (and their bytes) that the
// client's inbox subscription holds before it drops them, as
// nats.Subscription.SetPendingLimits does; nats.go's defaults are 512K
// messages and 64 MiB. Dropped replies fail requests with
// [ErrRepliesDropped].
func PendingLimits(msgs, bytes int) Option {
	return optionFunc(func(c *config) { c.pendingMsgs, c.pendingBytes = msgs, bytes })
}
