package demux

// ConnLostError is the error of the calls that [Table.FailAll] fails: their
// connection was lost, for the transport's Cause. errors.Is matches it to
// both [ErrConnLost] and Cause.
type ConnLostError struct {
	Cause error // why the transport lost the connection; may be nil
}

// Error returns "demux: connection lost", followed by the cause if any.
func (e *ConnLostError) Error() string {
	if e.Cause == nil {
		return ErrConnLost.Error()
	}
	return ErrConnLost.Error() + ": " + e.Cause.Error()
}

// Unwrap returns ErrConnLost and the cause, for errors.Is and errors.As.
func (e *ConnLostError) Unwrap() []error {
	if e.Cause == nil {
		return []error{ErrConnLost}
	}
	return []error{ErrConnLost, e.Cause}
}
