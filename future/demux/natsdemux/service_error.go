package natsdemux

import (
	"errors"

	"github.com/goresult/goresult/future"
)

// Header names of NATS micro's error replies, which a [Worker] sets and a
// [Client] reads.
const (
	HeaderError     = "Nats-Service-Error"
	HeaderErrorCode = "Nats-Service-Error-Code"
)

// ServiceError is the error a worker replied with, as NATS micro carries
// it: a code (an HTTP-like status, "500" unless the worker's function
// returned a *ServiceError of its own) and a description. A [Worker]
// sends a panic as code "500" with the [future.PanicError]'s message.
//
// A worker's function may return a *ServiceError to choose the code.
type ServiceError struct {
	Code        string
	Description string
}

// Error returns "natsdemux: service error CODE: DESCRIPTION".
func (e *ServiceError) Error() string {
	return "natsdemux: service error " + e.Code + ": " + e.Description
}

// Is reports whether e is a worker's refusal because its Serve was
// stopping, so that errors.Is(err, ErrWorkerStopped) holds on the
// requester's side: such a request was not run, and may be sent again.
func (e *ServiceError) Is(target error) bool {
	return target == ErrWorkerStopped && e.Code == "503" && e.Description == ErrWorkerStopped.Error()
}

// serviceError returns the ServiceError to reply with for err, the error
// of a worker's function.
func serviceError(err error) *ServiceError {
	var se *ServiceError
	if errors.As(err, &se) {
		return se
	}
	if errors.Is(err, ErrWorkerStopped) {
		return &ServiceError{Code: "503", Description: err.Error()}
	}
	var pe *future.PanicError
	if errors.As(err, &pe) {
		return &ServiceError{Code: "500", Description: pe.Error()}
	}
	return &ServiceError{Code: "500", Description: err.Error()}
}
