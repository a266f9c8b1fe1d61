package demux_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/rpc"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/goresult/goresult/future/demux"
)

// The payload of every request and reply in the client benchmarks.
var benchPayload = make([]byte, 64)

// BenchmarkClient compares, over loopback TCP with a 64-byte payload echoed
// back, and for 1, 64 and 1,024 concurrent callers: demux's Client over one
// connection, net/rpc's over one connection (gob, its server running a
// goroutine per request), and a connection per request. Each reports
// requests/s and the callers' p50 and p99 latency besides ns/op.
func BenchmarkClient(b *testing.B) {
	for _, callers := range []int{1, 64, 1024} {
		name := "callers=" + strconv.Itoa(callers)
		b.Run(name+"/impl=demux", func(b *testing.B) {
			addr := listen(b, echoFrames)
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				b.Fatal(err)
			}
			c := demux.NewClient(conn, demux.BytesCodec{})
			defer c.Close()
			ctx := context.Background()
			runCallers(b, callers, func() error {
				_, err := c.Call(ctx, benchPayload)
				return err
			})
		})
		b.Run(name+"/impl=net-rpc", func(b *testing.B) {
			srv := rpc.NewServer()
			if err := srv.Register(new(Echo)); err != nil {
				b.Fatal(err)
			}
			addr := listen(b, func(conn net.Conn) { srv.ServeConn(conn) })
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				b.Fatal(err)
			}
			c := rpc.NewClient(conn)
			defer c.Close()
			runCallers(b, callers, func() error {
				var reply []byte
				return c.Call("Echo.Echo", benchPayload, &reply)
			})
		})
		b.Run(name+"/impl=conn-per-request", func(b *testing.B) {
			addr := listen(b, echoOnce)
			runCallers(b, callers, func() error { return dialOnce(addr) })
		})
	}
}

// BenchmarkClientPending reports the goroutines of the process while
// 10,000 calls are pending on one Client (the server reads them and does
// not reply), and what sending them costs.
func BenchmarkClientPending(b *testing.B) {
	const n = 10_000
	read := make(chan struct{})
	addr := listen(b, func(conn net.Conn) {
		r := bufio.NewReader(conn)
		for range n {
			if _, _, err := (demux.BytesCodec{}).ReadRequest(r); err != nil {
				return
			}
		}
		read <- struct{}{}
		io.Copy(io.Discard, r)
	})
	var most int
	for b.Loop() {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			b.Fatal(err)
		}
		c := demux.NewClient(conn, demux.BytesCodec{})
		for range n {
			if _, err := c.Go(context.Background(), benchPayload); err != nil {
				b.Fatal(err)
			}
		}
		<-read
		most = max(most, runtime.NumGoroutine())
		c.Close()
	}
	b.ReportMetric(float64(most), "goroutines")
}

// Echo is the net/rpc service of the benchmarks.
type Echo struct{}

// Echo replies with its argument.
func (Echo) Echo(args []byte, reply *[]byte) error {
	*reply = args
	return nil
}

// runCallers keeps callers calls of call in flight, from as many
// goroutines, and counts one benchmark iteration per call that completes,
// so that ns/op is the time per request at a steady state. It reports the
// throughput and the callers' latency percentiles.
func runCallers(b *testing.B, callers int, call func() error) {
	work := make(chan struct{}, callers)
	done := make(chan struct{}, callers)
	lat := make([][]time.Duration, callers)
	var failed atomic.Int64
	var wg sync.WaitGroup
	for w := range callers {
		wg.Go(func() {
			for range work {
				start := time.Now()
				if err := call(); err != nil {
					failed.Add(1)
				}
				lat[w] = append(lat[w], time.Since(start))
				done <- struct{}{}
			}
		})
	}
	for range callers {
		work <- struct{}{}
	}
	start := time.Now()
	n := 0
	for b.Loop() {
		<-done
		work <- struct{}{}
		n++
	}
	elapsed := time.Since(start)
	close(work)
	for range callers {
		<-done
	}
	wg.Wait()
	if f := failed.Load(); f > 0 {
		b.Fatalf("%d calls failed", f)
	}
	all := slices.Concat(lat...)
	slices.Sort(all)
	b.ReportMetric(float64(n)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(all[len(all)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds()), "p99-µs")
}

// listen serves every connection accepted on a loopback port with handle,
// in a goroutine each, until the benchmark ends; then it closes the
// listener and the connections and waits for the handlers.
func listen(b *testing.B, handle func(net.Conn)) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	conns := map[net.Conn]bool{}
	wg.Go(func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns[conn] = true
			mu.Unlock()
			wg.Go(func() {
				defer func() {
					mu.Lock()
					delete(conns, conn)
					mu.Unlock()
					conn.Close()
				}()
				handle(conn)
			})
		}
	})
	b.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for conn := range conns {
			conn.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	return ln.Addr().String()
}

// echoFrames answers every request on conn with its payload, in order,
// flushing once no more requests are buffered.
func echoFrames(conn net.Conn) {
	r, w := bufio.NewReader(conn), bufio.NewWriter(conn)
	var codec demux.BytesCodec
	for {
		id, req, err := codec.ReadRequest(r)
		if err != nil {
			return
		}
		if codec.WriteReply(w, id, req, nil) != nil {
			return
		}
		if r.Buffered() == 0 && w.Flush() != nil {
			return
		}
	}
}

// echoOnce answers one request and closes the connection.
func echoOnce(conn net.Conn) {
	var codec demux.BytesCodec
	id, req, err := codec.ReadRequest(conn)
	if err == nil {
		codec.WriteReply(conn, id, req, nil)
	}
}

// dialOnce sends one request on a connection of its own.
func dialOnce(addr string) error {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	var codec demux.BytesCodec
	w := bufio.NewWriter(conn)
	if err := codec.WriteRequest(w, 1, benchPayload); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	_, _, callErr, err := codec.ReadReply(conn)
	if err != nil {
		return err
	}
	return callErr
}
