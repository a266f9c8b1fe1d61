package demux

import (
	"bufio"
	"fmt"

	"github.com/goresult/goresult/future"
)

// read is the reader goroutine: it settles a call per reply until the
// connection ends, then settles the rest.
func (c *Client[Req, Resp]) read() {
	r := bufio.NewReaderSize(c.conn, 64<<10)
	var err error
	for err == nil {
		err = c.readOne(r)
	}
	c.shutdown(err)
}

// readOne reads one reply and settles its call. A panic in the codec, or in
// a callback the call runs, is returned as a [*future.PanicError]: it ends
// the connection rather than the program.
func (c *Client[Req, Resp]) readOne(r *bufio.Reader) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = future.NewPanicError(p)
		}
	}()
	id, resp, callErr, err := c.codec.ReadReply(r)
	switch {
	case err != nil:
		return err
	case callErr != nil:
		if !c.t.Reject(id, callErr) {
			return c.checkIssued(id)
		}
	default:
		if !c.t.Resolve(id, resp) {
			return c.checkIssued(id)
		}
	}
	return nil
}

// checkIssued returns an error matching ErrProtocol for a reply whose id
// the table never issued; a late reply for an issued one is fine.
func (c *Client[Req, Resp]) checkIssued(id uint64) error {
	if c.t.issued(id) {
		return nil
	}
	return fmt.Errorf("%w: a reply for request %d, which was never sent", ErrProtocol, id)
}
