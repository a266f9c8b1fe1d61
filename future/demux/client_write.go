package demux

import "bufio"

// write is the writer goroutine: it writes the queued requests, as many as
// are ready before each flush, and skips those already settled. Once a
// write fails, it fails every request queued after it at once, until the
// client shuts down.
func (c *Client[Req, Resp]) write() {
	w := bufio.NewWriterSize(c.conn, 64<<10)
	var broken error
	for {
		select {
		case f := <-c.queue:
			if broken != nil {
				c.lost(f, broken)
				continue
			}
			if broken = c.writeBatch(w, f); broken != nil {
				c.writeFailed(broken)
			}
		case <-c.quit:
			c.drain()
			return
		}
	}
}

// writeBatch writes f and every request queued behind it, then flushes. If
// a write fails, it fails the request it was writing and returns the error;
// the requests written before it are failed when the reader stops.
func (c *Client[Req, Resp]) writeBatch(w *bufio.Writer, f frame[Resp]) error {
	for {
		if !f.call.IsDone() { // a cancelled call need not be sent
			if _, err := w.Write(f.buf.Bytes()); err != nil {
				c.lost(f, err)
				return err
			}
		}
		buffers.Put(f.buf)
		select {
		case f = <-c.queue:
		default:
			return w.Flush()
		}
	}
}

// lost fails f's call: the connection cannot carry it. A write that fails
// because Close closed the connection fails the call as Close does, with
// ErrClosed.
func (c *Client[Req, Resp]) lost(f frame[Resp], err error) {
	c.mu.Lock()
	closing := c.closing
	c.mu.Unlock()
	if closing {
		c.t.drop(f.call, ErrClosed)
	} else {
		c.t.drop(f.call, &ConnLostError{Cause: err})
	}
	buffers.Put(f.buf)
}

// drain recycles the buffers left in the queue once the client has shut
// down; their calls are settled by the table's Close.
func (c *Client[Req, Resp]) drain() {
	for {
		select {
		case f := <-c.queue:
			buffers.Put(f.buf)
		default:
			return
		}
	}
}
