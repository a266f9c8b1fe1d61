package natsdemux

import "time"

// Until says when [Endpoint.Gather] has all the replies it wants. At least
// one of its fields must be set.
//
//   - Count: the gather is complete after this many replies.
//   - Sentinel: the gather is complete at the first reply for which it
//     reports true; that reply is not passed on.
//   - Stall: the gather ends when no reply came for this long (since the
//     request for the first one). Alone, a stall is the normal end (every
//     responder has answered); with Count or Sentinel it is an incomplete
//     end, a [*GatherError] with [ErrStalled].
type Until[R any] struct {
	Count    int
	Stall    time.Duration
	Sentinel func(R) bool
}
