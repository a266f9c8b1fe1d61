package ops

import "errors"

var (
	// ErrNoResults is returned by WaitAny when it is given no results to
	// wait for: it would otherwise wait forever.
	ErrNoResults = errors.New("ops: no results to wait for")

	// ErrNilChannel is returned by ResultsToChannel when its channel is nil:
	// a send on it would block forever.
	ErrNilChannel = errors.New("ops: nil channel")
)
