package stream_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/goresult/goresult/stream"
)

// BenchmarkShare4 has 4 consumers read one run of a 1,000,000-int source
// through Share, each with a buffer of 256, and sum it.
func BenchmarkShare4(b *testing.B) {
	ctx := context.Background()
	sh := stream.Share(stream.FromSlice(ints), 4, 256, stream.Backpressure)
	b.ReportAllocs()
	for b.Loop() {
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				total := 0
				_ = sh.Stream().ForEach(ctx, func(v int) error { total += v; return nil })
				sink = total
			})
		}
		wg.Wait()
	}
}

// BenchmarkShare4Channels is the hand-written fan-out BenchmarkShare4 is
// measured against: a goroutine sends every value on 4 channels of 256,
// read by 4 goroutines.
func BenchmarkShare4Channels(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		chs := make([]chan int, 4)
		for i := range chs {
			chs[i] = make(chan int, 256)
		}
		var wg sync.WaitGroup
		for _, ch := range chs {
			wg.Go(func() {
				total := 0
				for v := range ch {
					total += v
				}
				sink = total
			})
		}
		for _, v := range ints {
			for _, ch := range chs {
				ch <- v
			}
		}
		for _, ch := range chs {
			close(ch)
		}
		wg.Wait()
	}
}

// BenchmarkDebounce debounces a burst of 1,000,000 ints (a 1h quiet time:
// only the last comes through, at the end): the cost per event of the
// goroutine hop and the timer reset.
func BenchmarkDebounce(b *testing.B) {
	benchTimeOp(b, stream.FromSlice(ints).Debounce(time.Hour))
}

// BenchmarkThrottle throttles the same burst (the first value comes through).
func BenchmarkThrottle(b *testing.B) {
	benchTimeOp(b, stream.FromSlice(ints).Throttle(time.Hour, stream.Leading|stream.Trailing))
}

// BenchmarkThrottleLeading throttles the same burst with Leading alone,
// which needs no goroutine and no timer.
func BenchmarkThrottleLeading(b *testing.B) {
	benchTimeOp(b, stream.FromSlice(ints).Throttle(time.Hour, stream.Leading))
}

func benchTimeOp(b *testing.B, s stream.Stream[int]) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		_ = s.ForEach(ctx, func(v int) error { sink = v; return nil })
	}
}

// BenchmarkDebounceHand is a hand-written debounce of the same burst: a
// goroutine sends the values on an unbuffered channel, and a loop resets a
// timer per value.
func BenchmarkDebounceHand(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ch := make(chan int)
		go func() {
			defer close(ch)
			for _, v := range ints {
				ch <- v
			}
		}()
		t := time.NewTimer(time.Hour)
		last, held := 0, false
	loop:
		for {
			select {
			case v, ok := <-ch:
				if !ok {
					break loop
				}
				t.Reset(time.Hour)
				last, held = v, true
			case <-t.C:
				sink, held = last, false
			}
		}
		t.Stop()
		if held {
			sink = last
		}
	}
}
