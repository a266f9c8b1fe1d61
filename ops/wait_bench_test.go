package ops_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

var benchSizes = []int{1, 100, 10_000}

// pendingFutures returns n pending futures and a function that settles them
// from another goroutine, as a worker pool would.
func pendingFutures(n int) ([]*future.Future[int], func()) {
	fs := make([]*future.Future[int], n)
	for i := range fs {
		fs[i] = future.New[int]()
	}
	return fs, func() {
		go func() {
			for i, f := range fs {
				f.SetResult(i)
			}
		}()
	}
}

// pendingChans is the hand-written equivalent: one buffered channel per value.
func pendingChans(n int) ([]chan int, func()) {
	cs := make([]chan int, n)
	for i := range cs {
		cs[i] = make(chan int, 1)
	}
	return cs, func() {
		go func() {
			for i, c := range cs {
				c <- i
			}
		}()
	}
}

func BenchmarkWaitAll(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("impl=waitgroup/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				cs, settle := pendingChans(n)
				var wg sync.WaitGroup
				vals := make([]int, n)
				for i, c := range cs {
					wg.Add(1)
					go func() { defer wg.Done(); vals[i] = <-c }()
				}
				settle()
				wg.Wait()
				if vals[n-1] != n-1 {
					b.Fatal("wrong value")
				}
			}
		})
		b.Run(fmt.Sprintf("impl=goresult/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				fs, settle := pendingFutures(n)
				settle()
				if err := ops.WaitAll(ctx, fs...); err != nil {
					b.Fatal(err)
				}
				if v, _ := fs[n-1].Get(); v != n-1 {
					b.Fatal("wrong value")
				}
			}
		})
	}
}

func BenchmarkWaitAny(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("impl=chan/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				cs, settle := pendingChans(n)
				first := make(chan int, 1)
				stop := make(chan struct{})
				var wg sync.WaitGroup
				for _, c := range cs {
					wg.Add(1)
					go func() {
						defer wg.Done()
						select {
						case v := <-c:
							select {
							case first <- v:
							default:
							}
						case <-stop:
						}
					}()
				}
				settle()
				<-first
				close(stop)
				wg.Wait()
			}
		})
		b.Run(fmt.Sprintf("impl=goresult/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				fs, settle := pendingFutures(n)
				settle()
				if _, err := ops.WaitAny(ctx, fs...); err != nil {
					b.Fatal(err)
				}
				fs[n-1].Wait(ctx) // let the settler finish before the next round
			}
		})
	}
}

func BenchmarkResultsToChannel(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("impl=chan/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				cs, settle := pendingChans(n)
				out := make(chan int, 64)
				var wg sync.WaitGroup
				for _, c := range cs {
					wg.Add(1)
					go func() { defer wg.Done(); out <- <-c }()
				}
				go func() { wg.Wait(); close(out) }()
				settle()
				sum := 0
				for v := range out {
					sum += v
				}
				if sum != n*(n-1)/2 {
					b.Fatal("wrong sum")
				}
			}
		})
		b.Run(fmt.Sprintf("impl=goresult/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				fs, settle := pendingFutures(n)
				out := make(chan *future.Future[int], 64)
				go ops.ResultsToChannel(ctx, fs, out, true)
				settle()
				sum := 0
				for f := range out {
					v, _ := f.Get()
					sum += v
				}
				if sum != n*(n-1)/2 {
					b.Fatal("wrong sum")
				}
			}
		})
	}
}
