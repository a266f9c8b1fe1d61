package natsdemux

import (
	"context"
	"errors"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/future/demux"
	"github.com/goresult/goresult/ops"
)

// CancelError is the cause a [Worker] cancels a request's context with when
// the requester cancelled it: context.Cause(ctx) in the worker's function.
// errors.Is matches it to the requester's own cause when that is one of the
// errors it knows by name (ops.ErrLost, ops.ErrTimeout,
// future.ErrCancelled, demux.ErrClosed, context.DeadlineExceeded,
// context.Canceled); Text is the requester's cause's message either way.
type CancelError struct {
	Code string // the name of the requester's cause: "lost", "timeout", ...; "" if unknown
	Text string // the requester's cause's message
}

// Error returns "natsdemux: cancelled by the requester: " and Text.
func (e *CancelError) Error() string {
	return "natsdemux: cancelled by the requester: " + e.Text
}

// Unwrap returns the known error that Code names, or nil.
func (e *CancelError) Unwrap() error {
	for _, c := range causes {
		if c.code == e.Code {
			return c.err
		}
	}
	return nil
}

// causes are the errors a cancel message names, most specific first.
var causes = []struct {
	code string
	err  error
}{
	{"lost", ops.ErrLost},
	{"timeout", ops.ErrTimeout},
	{"cancelled", future.ErrCancelled},
	{"closed", demux.ErrClosed},
	{"conn-lost", demux.ErrConnLost},
	{"deadline", context.DeadlineExceeded},
	{"canceled", context.Canceled},
}

// causeCode returns the code of the first known error that err matches.
func causeCode(err error) string {
	for _, c := range causes {
		if errors.Is(err, c.err) {
			return c.code
		}
	}
	return ""
}
