package demux_test

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/future/demux"
)

// goAll sends n requests "0".."n-1" and returns their calls in order.
func goAll(t *testing.T, c *demux.Client[[]byte, []byte], n int) []*demux.Call[[]byte] {
	t.Helper()
	calls := make([]*demux.Call[[]byte], n)
	for i := range calls {
		call, err := c.Go(context.Background(), fmt.Appendf(nil, "%d", i))
		if err != nil {
			t.Fatalf("Go: %v", err)
		}
		calls[i] = call
	}
	return calls
}

// wantReply checks that call settles with want.
func wantReply(t *testing.T, call *demux.Call[[]byte], want string) {
	t.Helper()
	got, err := call.Await(context.Background())
	if err != nil || string(got) != want {
		t.Fatalf("%d: got %q, %v; want %q", call.ID(), got, err, want)
	}
}

// Replies that come back in reverse order reach their own calls.
func TestClientOutOfOrder(t *testing.T) {
	const n = 100
	conn := serve(t, func(s *serverConn) {
		reqs, ok := s.read(n)
		if !ok {
			return
		}
		for _, req := range slices.Backward(reqs) {
			s.reply(req, "!")
		}
		s.echo()
	})
	c := demux.NewClient(conn, demux.BytesCodec{})
	defer c.Close()
	calls := goAll(t, c, n)
	for i, call := range calls {
		wantReply(t, call, fmt.Sprintf("%d!", i))
	}
	got, err := c.Call(context.Background(), []byte("after"))
	if err != nil || string(got) != "after" {
		t.Fatalf("Call: got %q, %v; want \"after\"", got, err)
	}
	wantStats(t, c.Stats(), demux.Stats{Completed: n + 1})
}

// Many goroutines share one connection.
func TestClientConcurrent(t *testing.T) {
	conn := serve(t, (*serverConn).echo)
	c := demux.NewClient(conn, demux.BytesCodec{}, demux.MaxInFlight(32))
	defer c.Close()
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			for i := range 50 {
				want := fmt.Sprintf("%d/%d", g, i)
				got, err := c.Call(context.Background(), []byte(want))
				if err != nil || string(got) != want {
					t.Errorf("got %q, %v; want %q", got, err, want)
					return
				}
			}
		})
	}
	wg.Wait()
	wantStats(t, c.Stats(), demux.Stats{Completed: 16 * 50})
}

// The server closing mid-flight fails every pending call with an error
// matching ErrConnLost and io.ErrUnexpectedEOF; later calls fail at once.
func TestClientServerCloses(t *testing.T) {
	conn := serve(t, func(s *serverConn) {
		reqs, ok := s.read(10)
		if ok {
			s.reply(reqs[3], "")
		}
	})
	c := demux.NewClient(conn, demux.BytesCodec{})
	defer c.Close()
	calls := goAll(t, c, 10)
	wantReply(t, calls[3], "3")
	for i, call := range calls {
		if i == 3 {
			continue
		}
		call.Wait(context.Background())
		wantError(t, call, demux.ErrConnLost, io.ErrUnexpectedEOF)
	}
	_, err := c.Go(context.Background(), []byte("late"))
	wantIs(t, err, demux.ErrClosed, demux.ErrConnLost, io.ErrUnexpectedEOF)
	wantStats(t, c.Stats(), demux.Stats{Completed: 1, Failed: 9})
}

// header returns a frame header of BytesCodec's protocol.
func header(length uint32, id uint64, kind byte) []byte {
	h := binary.BigEndian.AppendUint32(nil, length)
	return append(binary.BigEndian.AppendUint64(h, id), kind)
}

// A frame that breaks the protocol (a malformed length, a kind no reply
// has, an ID never issued) fails the connection with ErrProtocol.
func TestClientMalformedFrame(t *testing.T) {
	tests := []struct {
		name  string
		frame func(id uint64) []byte
	}{
		{"length below the header", func(id uint64) []byte { return header(3, id, 1) }},
		{"length above the limit", func(id uint64) []byte { return header(256, id, 1) }},
		{"unknown kind", func(id uint64) []byte { return header(9, id, 7) }},
		{"id never issued", func(uint64) []byte { return header(9, 999, 1) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn := serve(t, func(s *serverConn) {
				reqs, ok := s.read(1)
				if !ok {
					return
				}
				s.write(func(w *bufio.Writer) error {
					_, err := w.Write(tt.frame(reqs[0].id))
					return err
				})
				s.read(1) // until the client hangs up
			})
			c := demux.NewClient(conn, demux.BytesCodec{MaxFrame: 255})
			defer c.Close()
			call := goAll(t, c, 1)[0]
			call.Wait(context.Background())
			wantError(t, call, demux.ErrConnLost, demux.ErrProtocol)
		})
	}
}

// A slow server: calls whose deadline passes fail with it, at once, and
// free their slots; the replies that come later are dropped as late.
func TestClientDeadlines(t *testing.T) {
	release := make(chan struct{})
	conn := serve(t, func(s *serverConn) {
		for {
			reqs, ok := s.read(1)
			if !ok {
				return
			}
			if string(reqs[0].body) == "slow" {
				<-release
			}
			s.reply(reqs[0], "")
		}
	})
	c := demux.NewClient(conn, demux.BytesCodec{}, demux.MaxInFlight(2))
	defer c.Close()
	func() {
		defer close(release)
		for range 2 {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
			_, err := c.Call(ctx, []byte("slow"))
			cancel()
			wantIs(t, err, context.DeadlineExceeded)
		}
		if got := c.Stats().Pending; got != 0 {
			t.Fatalf("Pending after the deadlines: got %d, want 0", got)
		}
	}()
	// Both slots are free; the late replies, if the slow requests went
	// out, come before this one's.
	for range 2 {
		got, err := c.Call(context.Background(), []byte("fast"))
		if err != nil || string(got) != "fast" {
			t.Fatalf("Call: got %q, %v; want \"fast\"", got, err)
		}
	}
	st := c.Stats()
	if st.Completed != 2 || st.Pending != 0 || st.Late > st.Cancelled || st.Cancelled > 2 {
		t.Fatalf("Stats: got %+v, want 2 completed, none pending, at most 2 cancelled and no more late", st)
	}
}

// Close fails the pending calls with ErrClosed and later ones at once.
func TestClientClose(t *testing.T) {
	conn := serve(t, func(s *serverConn) { s.read(1 << 20) })
	c := demux.NewClient(conn, demux.BytesCodec{})
	calls := goAll(t, c, 5)
	if err := c.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	for _, call := range calls {
		wantError(t, call, demux.ErrClosed)
	}
	if _, err := c.Go(context.Background(), nil); !errors.Is(err, demux.ErrClosed) {
		t.Fatalf("Go after Close: got %v, want ErrClosed", err)
	}
	if err := c.Close(); err != nil {
		t.Fatalf("Close again: %v", err)
	}
}

// JSON: a remote error and a reply that does not decode fail their calls
// only.
func TestClientJSON(t *testing.T) {
	type point struct{ X, Y int }
	conn := serve(t, func(s *serverConn) {
		codec := demux.JSONCodec[point, point]{}
		for {
			id, p, reqErr, err := codec.ReadRequest(s.r)
			if err != nil {
				return
			}
			s.write(func(w *bufio.Writer) error {
				switch {
				case reqErr != nil:
					return codec.WriteReply(w, id, point{}, reqErr)
				case p.X < 0:
					return codec.WriteReply(w, id, point{}, errors.New("negative X"))
				case p.X == 0:
					return demux.BytesCodec{}.WriteReply(w, id, []byte("not json"), nil)
				}
				return codec.WriteReply(w, id, point{p.Y, p.X}, nil)
			})
		}
	})
	c := demux.NewClient(conn, demux.JSONCodec[point, point]{})
	defer c.Close()
	ctx := context.Background()
	got, err := c.Call(ctx, point{1, 2})
	if err != nil || got != (point{2, 1}) {
		t.Fatalf("got %v, %v; want {2 1}", got, err)
	}
	_, err = c.Call(ctx, point{-1, 0})
	var remote *demux.RemoteError
	if !errors.As(err, &remote) || remote.Message != "negative X" {
		t.Fatalf("got %v, want a *RemoteError \"negative X\"", err)
	}
	_, err = c.Call(ctx, point{0, 0})
	var syntax *json.SyntaxError
	if !errors.As(err, &syntax) {
		t.Fatalf("got %v, want a *json.SyntaxError", err)
	}
	if got, err := c.Call(ctx, point{3, 4}); err != nil || got != (point{4, 3}) {
		t.Fatalf("after the failed calls: got %v, %v; want {4 3}", got, err)
	}
}

// panicky is a codec that panics where told to.
type panicky struct {
	demux.BytesCodec
	onWrite, onRead bool
}

func (p panicky) WriteRequest(w io.Writer, id uint64, req []byte) error {
	if p.onWrite {
		panic("encoder bug")
	}
	return p.BytesCodec.WriteRequest(w, id, req)
}

// ReadReply panics once a reply has come, so that the request was sent
// first (panicking before anything came would fail the connection before
// the test's Go, as it may).
func (p panicky) ReadReply(r io.Reader) (uint64, []byte, error, error) {
	id, v, callErr, err := p.BytesCodec.ReadReply(r)
	if p.onRead && err == nil {
		panic("decoder bug")
	}
	return id, v, callErr, err
}

// A codec that panics fails the request (encoding) or the connection
// (decoding) with a *future.PanicError; the program goes on.
func TestClientCodecPanics(t *testing.T) {
	conn := serve(t, (*serverConn).echo)
	c := demux.NewClient[[]byte, []byte](conn, panicky{onWrite: true})
	_, err := c.Go(context.Background(), []byte("x"))
	var pe *future.PanicError
	if !errors.As(err, &pe) || pe.Value != "encoder bug" {
		t.Fatalf("Go: got %v, want a *future.PanicError \"encoder bug\"", err)
	}
	wantStats(t, c.Stats(), demux.Stats{Failed: 1})
	c.Close()

	conn = serve(t, (*serverConn).echo)
	c = demux.NewClient[[]byte, []byte](conn, panicky{onRead: true})
	defer c.Close()
	call := goAll(t, c, 1)[0]
	call.Wait(context.Background())
	wantError(t, call, demux.ErrConnLost)
	if !errors.As(call.Err(), &pe) || pe.Value != "decoder bug" {
		t.Fatalf("got %v, want a *future.PanicError \"decoder bug\"", call.Err())
	}
}

func TestClientMisuse(t *testing.T) {
	c1, c2 := net.Pipe()
	defer c1.Close()
	defer c2.Close()
	wantPanic(t, "nil connection", func() { demux.NewClient[[]byte, []byte](nil, demux.BytesCodec{}) })
	wantPanic(t, "nil Codec", func() { demux.NewClient[[]byte, []byte](c1, nil) })
}

// A request that does not encode fails Go for that request only.
func TestClientEncodeFails(t *testing.T) {
	conn := serve(t, (*serverConn).echo)
	c := demux.NewClient(conn, demux.JSONCodec[any, string]{})
	defer c.Close()
	_, err := c.Go(context.Background(), make(chan int))
	var unsupported *json.UnsupportedTypeError
	if !errors.As(err, &unsupported) {
		t.Fatalf("Go: got %v, want a *json.UnsupportedTypeError", err)
	}
	wantStats(t, c.Stats(), demux.Stats{Failed: 1})
}

// A server that stops reading: once the connection's buffers and the
// writer's queue are full, Go waits, as long as its ctx lasts; Close then
// fails every call and returns, with the writer blocked in a write.
func TestClientServerStopsReading(t *testing.T) {
	stop := make(chan struct{})
	conn := serve(t, func(*serverConn) { <-stop })
	defer close(stop)
	c := demux.NewClient(conn, demux.BytesCodec{})
	payload := make([]byte, 64<<10)
	var calls []*demux.Call[[]byte]
	for {
		// The deadline tells that Go waits; the calls sent before it, on
		// contexts of the same length, may end with it too.
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		call, err := c.Go(ctx, payload)
		if err != nil {
			wantIs(t, err, context.DeadlineExceeded)
			break
		}
		calls = append(calls, call)
	}
	if err := c.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	for _, call := range calls {
		if err := call.Err(); !errors.Is(err, demux.ErrClosed) && !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("%v: want ErrClosed or the deadline", call)
		}
	}
}
