// Package ctxerr builds the error that goresult's blocking calls and streams
// return when their context ends: ctx.Err(), joined with context.Cause(ctx)
// when a cause was given, so that errors.Is matches both.
package ctxerr

import "context"

// Of returns ctx.Err(), wrapped together with ctx's cause if that is another
// error, and nil while ctx is not done.
func Of(ctx context.Context) error {
	err := ctx.Err()
	if err == nil {
		return nil
	}
	cause := context.Cause(ctx)
	if cause == nil || cause == err {
		return err
	}
	return &causeError{err: err, cause: cause}
}

// causeError is ctx.Err() with the cause of the cancellation. Its message
// is the cause's, prefixed with ctx.Err()'s: "context canceled: <cause>".
type causeError struct{ err, cause error }

func (e *causeError) Error() string   { return e.err.Error() + ": " + e.cause.Error() }
func (e *causeError) Unwrap() []error { return []error{e.err, e.cause} }
