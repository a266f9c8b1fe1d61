package natsdemux

import "fmt"

// GatherError is the error of a gather that ended before it was complete:
// it says how many replies came (all of them were passed on) and why it
// ended. errors.Is matches it to its Reason: [ErrStalled], or ctx's error
// and cause.
type GatherError struct {
	Got    int   // the replies passed on
	Want   int   // the [Until].Count asked for; 0 if none
	Reason error // why it ended
}

// Error returns "natsdemux: gather incomplete after N of M replies: reason".
func (e *GatherError) Error() string {
	if e.Want > 0 {
		return fmt.Sprintf("natsdemux: gather incomplete after %d of %d replies: %v", e.Got, e.Want, e.Reason)
	}
	return fmt.Sprintf("natsdemux: gather incomplete after %d replies, with no sentinel: %v", e.Got, e.Reason)
}

// Unwrap returns Reason.
func (e *GatherError) Unwrap() error { return e.Reason }
