package demux_test

import (
	"context"
	"runtime"
	"testing"

	"github.com/goresult/goresult/future/demux"
)

// 10,000 calls pending over one connection hold no goroutine each: the
// client has its reader and its writer, and that is all.
func TestClientGoroutinesFlat(t *testing.T) {
	const n = 10_000
	read := make(chan struct{})
	conn := serve(t, func(s *serverConn) {
		s.read(n) // and never reply
		close(read)
		s.read(1)
	})
	before := runtime.NumGoroutine()
	c := demux.NewClient(conn, demux.BytesCodec{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := make([]*demux.Call[[]byte], n)
	for i := range calls {
		call, err := c.Go(ctx, []byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		calls[i] = call
	}
	<-read
	if got, most := runtime.NumGoroutine(), before+2; got > most {
		t.Fatalf("goroutines with %d calls pending: got %d, want at most %d", n, got, most)
	}
	wantStats(t, c.Stats(), demux.Stats{Pending: n})
	c.Close()
	for _, call := range calls {
		wantError(t, call, demux.ErrClosed)
	}
}
