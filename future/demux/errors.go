package demux

import (
	"context"
	"errors"

	"github.com/goresult/goresult/internal/ctxerr"
)

var (
	// ErrConnLost is matched, with errors.Is, by the error of every call
	// failed by [Table.FailAll]: the connection carrying it was lost. The
	// error is a [*ConnLostError], which also matches the transport's cause.
	ErrConnLost = errors.New("demux: connection lost")

	// ErrClosed is matched by the error of every call pending when
	// [Table.Close] is called, and of every Add after it.
	ErrClosed = errors.New("demux: table closed")

	// ErrProtocol is matched by the error of a connection whose peer broke
	// the wire protocol: a frame with a malformed length, or a reply for an
	// ID that was never issued. The connection is failed with it.
	ErrProtocol = errors.New("demux: protocol error")
)

// ctxError returns ctx.Err(), joined with ctx's cause if that is another
// error, so that the error matches both with errors.Is.
func ctxError(ctx context.Context) error { return ctxerr.Of(ctx) }

// withCause returns err, joined with cause unless cause is nil or err.
func withCause(err, cause error) error {
	if cause == nil || cause == err {
		return err
	}
	return &causeError{err: err, cause: cause}
}

// causeError is an error together with the cause that led to it.
type causeError struct{ err, cause error }

func (e *causeError) Error() string   { return e.err.Error() + ": " + e.cause.Error() }
func (e *causeError) Unwrap() []error { return []error{e.err, e.cause} }
