package main

import (
	"fmt"
	"net"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// embedded starts a nats-server in this process on a random loopback port
// and returns its URL and the function that shuts it down.
func embedded() (url string, stop func(), err error) {
	srv, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, NoLog: true, NoSigs: true})
	if err != nil {
		return "", nil, err
	}
	srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		srv.Shutdown()
		return "", nil, fmt.Errorf("embedded nats-server not ready")
	}
	url = fmt.Sprintf("nats://%s", srv.Addr().(*net.TCPAddr))
	return url, func() { srv.Shutdown(); srv.WaitForShutdown() }, nil
}
