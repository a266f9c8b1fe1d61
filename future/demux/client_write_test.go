package demux_test

import (
	"context"
	"errors"
	"net"
	"testing"

	"github.com/goresult/goresult/future/demux"
)

var errWrite = errors.New("write failed")

// failingConn is a connection whose writes fail; it has no CloseWrite.
type failingConn struct{ net.Conn }

func (failingConn) Write([]byte) (int, error) { return 0, errWrite }

// A failed write fails the call it carried, and then the connection, with
// the write's error as the reason.
func TestClientWriteFails(t *testing.T) {
	mine, theirs := net.Pipe()
	defer theirs.Close()
	c := demux.NewClient[[]byte, []byte](failingConn{mine}, demux.BytesCodec{})
	defer c.Close()
	call, err := c.Go(context.Background(), []byte("x"))
	if err == nil {
		call.Wait(context.Background())
		wantError(t, call, demux.ErrConnLost, errWrite)
	} else { // the connection was already failed when Go queued the request
		wantIs(t, err, demux.ErrConnLost, errWrite)
	}
	// The connection is gone: the next call fails at once, saying why.
	// Until the table is closed, a call may still be queued, and the writer
	// fails it at once.
	for {
		call, err := c.Go(context.Background(), []byte("y"))
		if err == nil {
			call.Wait(context.Background())
			err = call.Err()
		}
		wantIs(t, err, demux.ErrConnLost, errWrite)
		if errors.Is(err, demux.ErrClosed) {
			break
		}
	}
}
