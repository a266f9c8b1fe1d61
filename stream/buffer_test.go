package stream_test

import (
	"context"
	"testing"
	"testing/synctest"

	"github.com/goresult/goresult/stream"
)

// TestBufferBackpressure holds the consumer still and checks, with a
// counter, that the producer is exactly as far ahead as the buffer allows.
// synctest.Wait returns once every goroutine is blocked, so the count is
// read when the producer can go no further; no time passes in the test.
func TestBufferBackpressure(t *testing.T) {
	const n, total = 3, 20
	synctest.Test(t, func(t *testing.T) {
		produced := 0 // written by the producer, read after synctest.Wait
		src := stream.Generate(func(context.Context) (int, error) {
			if produced == total {
				return 0, stream.ErrStop
			}
			produced++
			return produced, nil
		})
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		values, done := src.Buffer(n).ToChannel(ctx)
		for consumed := 0; consumed <= total; consumed++ {
			synctest.Wait()
			// Ahead of the consumer: one value in ToChannel's send, n in the
			// buffer, one in the producer's blocked yield.
			if want := min(consumed+n+2, total); produced != want {
				t.Fatalf("after %d consumed: produced %d, want %d", consumed, produced, want)
			}
			v, ok := <-values
			if consumed == total {
				if ok {
					t.Fatalf("got %d after the last value, want a closed channel", v)
				}
				break
			}
			if v != consumed+1 {
				t.Fatalf("got %d, want %d", v, consumed+1)
			}
		}
		if err := done.Err(); err != nil {
			t.Errorf("got %v, want nil", err)
		}
	})
}

// TestBufferErrorAfterValues checks that the values produced before an error
// are delivered before it.
func TestBufferErrorAfterValues(t *testing.T) {
	got, err := stream.Stream[int](failing(errBoom)).Buffer(8).Collect(t.Context())
	if len(got) != 3 || err != errBoom {
		t.Errorf("got %v, %v; want [1 2 3], %v", got, err, errBoom)
	}
}
