package demux_test

import (
	"context"
	"sync"
	"testing"

	"github.com/goresult/goresult/future/demux"
)

// chanTable is the hand-written baseline: a map of one-slot channels under a
// mutex, as a transport writes it without this package.
type chanTable struct {
	mu    sync.Mutex
	next  uint64
	calls map[uint64]chan int
}

func (t *chanTable) add() (uint64, chan int) {
	ch := make(chan int, 1)
	t.mu.Lock()
	t.next++
	id := t.next
	t.calls[id] = ch
	t.mu.Unlock()
	return id, ch
}

func (t *chanTable) resolve(id uint64, v int) bool {
	t.mu.Lock()
	ch, ok := t.calls[id]
	delete(t.calls, id)
	t.mu.Unlock()
	if ok {
		ch <- v
	}
	return ok
}

// One call's life: Add, Resolve (as the reader would), Await.
func BenchmarkTable(b *testing.B) {
	b.Run("impl=map-chan", func(b *testing.B) {
		t := &chanTable{calls: make(map[uint64]chan int)}
		for b.Loop() {
			id, ch := t.add()
			t.resolve(id, 1)
			<-ch
		}
	})
	tests := []struct {
		name        string
		opts        []demux.Option
		cancellable bool // Add with a context that can be cancelled
	}{
		{"impl=demux", nil, false},
		{"impl=demux-limit", []demux.Option{demux.MaxInFlight(1024)}, false},
		{"impl=demux-cancellable-ctx", nil, true},
	}
	for _, tt := range tests {
		b.Run(tt.name, func(b *testing.B) {
			t := demux.New[int](tt.opts...)
			ctx := context.Background()
			if tt.cancellable {
				var cancel context.CancelFunc
				ctx, cancel = context.WithCancel(ctx)
				defer cancel()
			}
			for b.Loop() {
				c, _ := t.Add(ctx)
				t.Resolve(c.ID(), 1)
				c.Await(ctx)
			}
		})
	}
}

// The same with the reply coming from another goroutine, so that Await
// really waits.
func BenchmarkTableAcrossGoroutines(b *testing.B) {
	b.Run("impl=map-chan", func(b *testing.B) {
		t := &chanTable{calls: make(map[uint64]chan int)}
		ids, stop := resolver(func(id uint64) { t.resolve(id, 1) })
		defer stop()
		for b.Loop() {
			id, ch := t.add()
			ids <- id
			<-ch
		}
	})
	b.Run("impl=demux", func(b *testing.B) {
		t := demux.New[int]()
		ctx := context.Background()
		ids, stop := resolver(func(id uint64) { t.Resolve(id, 1) })
		defer stop()
		for b.Loop() {
			c, _ := t.Add(ctx)
			ids <- c.ID()
			c.Await(ctx)
		}
	})
}

// resolver starts the goroutine that answers the IDs sent on ids with
// resolve, as a transport's reader would; stop ends and joins it.
func resolver(resolve func(id uint64)) (ids chan<- uint64, stop func()) {
	ch := make(chan uint64, 1)
	var wg sync.WaitGroup
	wg.Go(func() {
		for id := range ch {
			resolve(id)
		}
	})
	return ch, func() {
		close(ch)
		wg.Wait()
	}
}
