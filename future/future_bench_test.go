package future_test

import (
	"context"
	"testing"

	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
)

// BenchmarkLife compares a Future's life (New, SetResult, Await) with the
// hand-written equivalent, a chan T with one buffered slot.
func BenchmarkLife(b *testing.B) {
	ctx := context.Background()
	b.Run("impl=chan", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ch := make(chan int, 1)
			ch <- 1
			if <-ch != 1 {
				b.Fatal("wrong value")
			}
		}
	})
	b.Run("impl=future", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			f := future.New[int]()
			f.SetResult(1)
			if v, _ := f.Await(ctx); v != 1 {
				b.Fatal("wrong value")
			}
		}
	})
}

// BenchmarkLifeAcrossGoroutines settles the value in another goroutine while
// the caller waits.
func BenchmarkLifeAcrossGoroutines(b *testing.B) {
	ctx := context.Background()
	b.Run("impl=chan", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ch := make(chan int, 1)
			go func() { ch <- 1 }()
			if <-ch != 1 {
				b.Fatal("wrong value")
			}
		}
	})
	b.Run("impl=future", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			f := future.New[int]()
			go f.SetResult(1)
			if v, _ := f.Await(ctx); v != 1 {
				b.Fatal("wrong value")
			}
		}
	})
}

// BenchmarkTask runs one function in an errgroup and reads its value.
func BenchmarkTask(b *testing.B) {
	b.Run("impl=errgroup+var", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var g errgroup.Group
			var v int
			g.Go(func() error { v = 1; return nil })
			if g.Wait() != nil || v != 1 {
				b.Fatal("wrong value")
			}
		}
	})
	b.Run("impl=future.Go", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var g errgroup.Group
			t := future.Go(&g, func() (int, error) { return 1, nil })
			if g.Wait() != nil {
				b.Fatal("failed")
			}
			if v, _ := t.Get(); v != 1 {
				b.Fatal("wrong value")
			}
		}
	})
}
