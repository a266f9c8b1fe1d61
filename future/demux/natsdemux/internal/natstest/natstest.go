// Package natstest runs an embedded nats-server, in-process on a random
// loopback port, for the tests of natsdemux: they run against a real
// server, never a mock. It is a module of its own so that natsdemux's
// go.mod does not require nats-server.
package natstest

import (
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// Server is an embedded nats-server that can be stopped and started again
// on the same port. Its methods are not safe to call concurrently.
type Server struct {
	opts server.Options
	srv  *server.Server
}

// New starts a server on 127.0.0.1 and a free port. Stop it with Stop.
func New() (*Server, error) {
	s := &Server{opts: server.Options{Host: "127.0.0.1", Port: -1, NoLog: true, NoSigs: true}}
	if err := s.start(); err != nil {
		return nil, err
	}
	s.opts.Port = s.srv.Addr().(*net.TCPAddr).Port // a restart reuses it
	return s, nil
}

// Start starts a server as New does, and stops it when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s
}

func (s *Server) start() error {
	opts := s.opts
	srv, err := server.NewServer(&opts)
	if err != nil {
		return err
	}
	srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		srv.Shutdown()
		return fmt.Errorf("natstest: server not ready on %s:%d", s.opts.Host, s.opts.Port)
	}
	s.srv = srv
	return nil
}

// URL returns the nats:// URL of the server.
func (s *Server) URL() string { return fmt.Sprintf("nats://%s:%d", s.opts.Host, s.opts.Port) }

// Stop shuts the server down and waits until it is; the clients connected
// to it lose their connections. Stopping a stopped server does nothing.
func (s *Server) Stop() {
	if s.srv == nil {
		return
	}
	s.srv.Shutdown()
	s.srv.WaitForShutdown()
	s.srv = nil
}

// Restart starts the stopped server again, on the same port.
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	if err := s.start(); err != nil {
		t.Fatal(err)
	}
}

// Connect connects to url, reconnecting without end every few
// milliseconds while the server is down, and closes the connection when
// the test ends. opts come after these defaults.
func Connect(t testing.TB, url string, opts ...nats.Option) *nats.Conn {
	t.Helper()
	all := append([]nats.Option{
		nats.MaxReconnects(-1),
		nats.ReconnectWait(10 * time.Millisecond),
		nats.ReconnectJitter(0, 0),
	}, opts...)
	nc, err := nats.Connect(url, all...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc
}
