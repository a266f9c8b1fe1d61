package demux_test

import (
	"bufio"
	"net"
	"sync"
	"testing"

	"github.com/goresult/goresult/future/demux"
)

// request is one request a test server has read.
type request struct {
	id   uint64
	body []byte
}

// serve listens on a loopback TCP port, serves one connection with handle
// and returns a connection dialled to it. The server's goroutine exits once
// handle returns; the test waits for it.
func serve(t *testing.T, handle func(c *serverConn)) net.Conn {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		handle(&serverConn{t: t, conn: conn, r: bufio.NewReader(conn)})
	})
	t.Cleanup(func() {
		ln.Close()
		wg.Wait()
	})
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	return conn
}

// serverConn is the server's side of a test connection, speaking
// BytesCodec's protocol.
type serverConn struct {
	t    *testing.T
	conn net.Conn
	r    *bufio.Reader
}

// read reads n requests; ok is false if the connection ended first.
func (s *serverConn) read(n int) (reqs []request, ok bool) {
	for range n {
		id, body, err := demux.BytesCodec{}.ReadRequest(s.r)
		if err != nil {
			return reqs, false
		}
		reqs = append(reqs, request{id, body})
	}
	return reqs, true
}

// reply answers req with its body and a suffix.
func (s *serverConn) reply(req request, suffix string) {
	s.write(func(w *bufio.Writer) error {
		return demux.BytesCodec{}.WriteReply(w, req.id, append(req.body, suffix...), nil)
	})
}

// write writes and flushes; errors (the client has gone) end nothing here.
func (s *serverConn) write(f func(w *bufio.Writer) error) {
	w := bufio.NewWriter(s.conn)
	if err := f(w); err == nil {
		w.Flush()
	}
}

// echo answers every request in order, until the connection ends.
func (s *serverConn) echo() {
	for {
		reqs, ok := s.read(1)
		if !ok {
			return
		}
		s.reply(reqs[0], "")
	}
}
