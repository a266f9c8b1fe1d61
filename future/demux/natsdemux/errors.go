package natsdemux

import (
	"context"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go"
)

var (
	// ErrMalformed is matched by the error of a request whose reply, or a
	// worker's request, does not decode, and by the error of a reply whose
	// error headers are broken.
	ErrMalformed = errors.New("natsdemux: malformed message")

	// ErrRepliesDropped is matched by the error of the requests that were
	// pending when the client's inbox subscription dropped replies (a slow
	// consumer): any of them may have lost its reply. It also matches
	// nats.ErrSlowConsumer.
	ErrRepliesDropped = fmt.Errorf("natsdemux: replies dropped by the inbox subscription: %w", nats.ErrSlowConsumer)

	// ErrStalled is the Reason of a [*GatherError] when no reply came for
	// the [Until].Stall duration before the gather was complete.
	ErrStalled = errors.New("natsdemux: gather stalled")

	// ErrWorkerStopped is the error a [Worker] replies with to the requests
	// it received but had not started when its Serve returned. It is sent
	// as a [*ServiceError] with code 503, which matches it with errors.Is:
	// the request did not run, so sending it again is safe.
	ErrWorkerStopped = errors.New("natsdemux: worker stopped")
)

// malformed wraps err, from decoding what, so that it matches ErrMalformed.
func malformed(what string, err error) error {
	return fmt.Errorf("%w: %s: %w", ErrMalformed, what, err)
}

// ctxError returns ctx's error, matching its cause too.
func ctxError(ctx context.Context) error {
	err, cause := ctx.Err(), context.Cause(ctx)
	if cause == nil || cause == err {
		return err
	}
	return &causeError{err: err, cause: cause}
}

// causeError is an error together with the cause that led to it.
type causeError struct{ err, cause error }

func (e *causeError) Error() string   { return e.err.Error() + ": " + e.cause.Error() }
func (e *causeError) Unwrap() []error { return []error{e.err, e.cause} }
