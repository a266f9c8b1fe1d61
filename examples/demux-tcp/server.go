package main

import (
	"bufio"
	"math/rand/v2"
	"net"
	"sync"
	"time"

	"github.com/goresult/goresult/future/demux"
)

// Request asks for the square of X.
type Request struct{ X int }

// Reply is the server's answer.
type Reply struct{ X, Square int }

// codec is the wire format of both sides.
type codec = demux.JSONCodec[Request, Reply]

// server answers requests after a random delay each, so that the replies go
// out in another order than the requests came in.
type server struct {
	ln        net.Listener
	delay     time.Duration
	killAfter int
	wg        sync.WaitGroup // the accept loop and the connections
}

// startServer listens on a loopback port and serves every connection until
// stop.
func startServer(delay time.Duration, killAfter int) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &server{ln: ln, delay: delay, killAfter: killAfter}
	s.wg.Go(s.accept)
	return s, nil
}

func (s *server) addr() string { return s.ln.Addr().String() }

// stop closes the listener and waits for the connections to end (the client
// closes its side first).
func (s *server) stop() {
	s.ln.Close()
	s.wg.Wait()
}

func (s *server) accept() {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.wg.Go(func() { s.serve(conn) })
	}
}

// serve reads requests until the connection ends and answers each from a
// timer of its own; the timers are stopped, or have run, before it returns.
func (s *server) serve(conn net.Conn) {
	sc := &serverConn{conn: conn, w: bufio.NewWriter(conn), left: s.killAfter}
	defer sc.close()
	r := bufio.NewReader(conn)
	for {
		id, req, reqErr, err := codec{}.ReadRequest(r)
		if err != nil {
			return
		}
		sc.pending.Add(1)
		time.AfterFunc(rand.N(s.delay+1), func() {
			defer sc.pending.Done()
			sc.reply(id, Reply{X: req.X, Square: req.X * req.X}, reqErr)
		})
	}
}

// serverConn writes the replies of one connection, one at a time.
type serverConn struct {
	conn    net.Conn
	pending sync.WaitGroup // replies scheduled and not written

	mu     sync.Mutex
	w      *bufio.Writer
	left   int  // replies before the server drops the connection; 0: no limit
	killed bool // the connection was dropped
}

// reply writes one reply, and drops the connection after the last one
// -kill-after allows.
func (c *serverConn) reply(id uint64, r Reply, reqErr error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.killed {
		return
	}
	if (codec{}).WriteReply(c.w, id, r, reqErr) != nil || c.w.Flush() != nil {
		return
	}
	if c.left > 0 {
		c.left--
		if c.left == 0 {
			c.killed = true
			c.conn.Close() // mid-flight: the client's reader sees EOF
		}
	}
}

// close waits for the scheduled replies, then closes the connection.
func (c *serverConn) close() {
	c.pending.Wait()
	c.conn.Close()
}
