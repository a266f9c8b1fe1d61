package ops

import (
	"context"
	"errors"
	"fmt"
)

var (
	// ErrNoResults is returned by WaitAny, and is the error of the results
	// of Race and Any, when they are given no results: they would otherwise
	// wait forever.
	ErrNoResults = errors.New("ops: no results to wait for")

	// ErrNilChannel is returned by ResultsToChannel, and is the error of the
	// result of FromChannel, when the channel is nil: a send or receive on it
	// would block forever.
	ErrNilChannel = errors.New("ops: nil channel")
)

var (
	// ErrLost is the cause [Race] and [Any] give when they cancel the
	// results that lost: context.Cause of a losing task's context reports
	// it.
	ErrLost = errors.New("ops: lost the race")

	// ErrTimeout is the error of a result from [Timeout] whose input did not
	// settle in time, and the cause it cancels a task with. It matches
	// context.DeadlineExceeded with errors.Is.
	ErrTimeout = fmt.Errorf("ops: timed out: %w", context.DeadlineExceeded)

	// ErrNilResult is the error of the result of [Then] when its function
	// returns a nil result.
	ErrNilResult = errors.New("ops: function returned a nil result")

	// ErrClosedChannel is the error of the result of [FromChannel] when the
	// channel is closed without a value.
	ErrClosedChannel = errors.New("ops: channel closed without a value")
)
