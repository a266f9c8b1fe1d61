package demux

// RemoteError is the error of a call that the peer answered with an error:
// Message is the text the peer sent, as [BytesCodec] and [JSONCodec]
// carry it.
type RemoteError struct {
	Message string
}

// Error returns "demux: remote error: " followed by the peer's message.
func (e *RemoteError) Error() string { return "demux: remote error: " + e.Message }
