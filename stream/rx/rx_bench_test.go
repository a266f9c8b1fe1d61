package rx_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/goresult/goresult/stream/rx"
	"github.com/reactivex/rxgo/v2"
)

// benchN is the number of items per benchmark operation; the per-item cost
// is reported as ns/item.
const benchN = 10_000

func reportPerItem(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchN, "ns/item")
}

// FromObservable against the loop an RxGo user writes by hand to do the same:
// receive from Observe until the channel closes or ctx ends, and assert the
// type. (A plain range over the channel, which stops on ctx only when every
// RxGo stage watches it, is about a quarter faster: watching ctx costs a
// select over two channels per item.)
func BenchmarkFromObservable(b *testing.B) {
	b.Run("bridge", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			total := 0
			err := rx.FromObservable[int](rxgo.Range(0, benchN))(context.Background(), func(v int) error {
				total += v
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		reportPerItem(b)
	})
	b.Run("hand-written", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := sumObserved(context.Background(), rxgo.Range(0, benchN)); err != nil {
				b.Fatal(err)
			}
		}
		reportPerItem(b)
	})
}

// sumObserved is what FromObservable replaces.
func sumObserved(ctx context.Context, obs rxgo.Observable) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := obs.Observe(rxgo.WithContext(ctx))
	total := 0
	for {
		select {
		case <-ctx.Done():
			return total, ctx.Err()
		case item, ok := <-items:
			if !ok {
				return total, nil
			}
			if item.E != nil {
				return total, item.E
			}
			v, ok := item.V.(int)
			if !ok {
				return total, fmt.Errorf("item %v is not an int", item.V)
			}
			total += v
		}
	}
}

// ToObservable against a hand-written RxGo producer sending the same values.
func BenchmarkToObservable(b *testing.B) {
	values := make([]int, benchN)
	for i := range values {
		values[i] = i
	}
	b.Run("bridge", func(b *testing.B) {
		b.ReportAllocs()
		obs := rx.ToObservable(fromSlice(values...))
		for b.Loop() {
			drain(b, obs)
		}
		reportPerItem(b)
	})
	b.Run("hand-written", func(b *testing.B) {
		b.ReportAllocs()
		obs := rxgo.Defer([]rxgo.Producer{func(ctx context.Context, next chan<- rxgo.Item) {
			for _, v := range values {
				if !rxgo.Of(v).SendContext(ctx, next) {
					return
				}
			}
		}})
		for b.Loop() {
			drain(b, obs)
		}
		reportPerItem(b)
	})
}

// drain reads obs to its end.
func drain(b *testing.B, obs rxgo.Observable) {
	total := 0
	for item := range obs.Observe() {
		if item.E != nil {
			b.Fatal(item.E)
		}
		total += item.V.(int)
	}
}

// The round trip stream -> RxGo Map -> stream, against the same values moved
// by a goroutine over a plain channel: the cost of going through RxGo at all.
func BenchmarkRoundTrip(b *testing.B) {
	values := make([]int, benchN)
	for i := range values {
		values[i] = i
	}
	b.Run("bridge", func(b *testing.B) {
		b.ReportAllocs()
		s := rx.FromObservable[int](rx.ToObservable(fromSlice(values...)).Map(double))
		for b.Loop() {
			total := 0
			if err := s(context.Background(), func(v int) error { total += v; return nil }); err != nil {
				b.Fatal(err)
			}
		}
		reportPerItem(b)
	})
	b.Run("channel", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ch := make(chan int)
			go func() {
				defer close(ch)
				for _, v := range values {
					ch <- v * 2
				}
			}()
			total := 0
			for v := range ch {
				total += v
			}
		}
		reportPerItem(b)
	})
}
