package future_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

// BenchmarkGroup runs N tasks that each hand back a value and sums them: by
// hand (a goroutine per task writing into a slice, sync.WaitGroup), with
// errgroup, with future.Go on an errgroup, and with future.Go on a Group.
func BenchmarkGroup(b *testing.B) {
	for _, n := range []int{1, 100} {
		b.Run(fmt.Sprintf("n=%d/impl=hand", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				out := make([]int, n)
				var wg sync.WaitGroup
				wg.Add(n)
				for i := range n {
					go func() { defer wg.Done(); out[i] = i }()
				}
				wg.Wait()
				checkSum(b, out, n)
			}
		})
		b.Run(fmt.Sprintf("n=%d/impl=errgroup", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				out := make([]int, n)
				var g errgroup.Group
				for i := range n {
					g.Go(func() error { out[i] = i; return nil })
				}
				if g.Wait() != nil {
					b.Fatal("failed")
				}
				checkSum(b, out, n)
			}
		})
		b.Run(fmt.Sprintf("n=%d/impl=future.Go+errgroup", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var g errgroup.Group
				ts := make([]*future.Task[int], n)
				for i := range n {
					ts[i] = future.Go(&g, func() (int, error) { return i, nil })
				}
				if g.Wait() != nil {
					b.Fatal("failed")
				}
				checkTasks(b, ts, n)
			}
		})
		b.Run(fmt.Sprintf("n=%d/impl=future.Group", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var g future.Group
				ts := make([]*future.Task[int], n)
				for i := range n {
					ts[i] = future.Go(&g, func() (int, error) { return i, nil })
				}
				if g.Wait() != nil {
					b.Fatal("failed")
				}
				checkTasks(b, ts, n)
			}
		})
	}
}

// BenchmarkGroupRace races N tasks with contexts, the last one winning at
// once, the others waiting for their context: by hand (one shared context,
// cancelled once the first value arrives, a WaitGroup joining the losers),
// with GoContext and ops.Race on an errgroup (a context.WithCancelCause per
// task under the group's context), and on a Group from NewGroup.
func BenchmarkGroupRace(b *testing.B) {
	bg := context.Background()
	task := func(ctx context.Context, i, n int) (int, error) {
		if i == n-1 {
			return i, nil
		}
		<-ctx.Done()
		return 0, ctx.Err()
	}
	for _, n := range []int{1, 100} {
		b.Run(fmt.Sprintf("n=%d/impl=hand", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ctx, cancel := context.WithCancel(bg)
				ch := make(chan int, n)
				var wg sync.WaitGroup
				wg.Add(n)
				for i := range n {
					go func() {
						defer wg.Done()
						if v, err := task(ctx, i, n); err == nil {
							ch <- v
						}
					}()
				}
				v := <-ch
				cancel()
				wg.Wait()
				if v != n-1 {
					b.Fatal("wrong winner")
				}
			}
		})
		b.Run(fmt.Sprintf("n=%d/impl=errgroup+GoContext", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				g, ctx := errgroup.WithContext(bg)
				raceOn(b, g, ctx, n, task, g.Wait)
			}
		})
		b.Run(fmt.Sprintf("n=%d/impl=future.Group", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				g, ctx := future.NewGroup(bg)
				raceOn(b, g, ctx, n, task, g.Wait)
			}
		})
		// The same, with a context derived from the group's: the tasks'
		// contexts are then context.WithCancelCause children of it, as on
		// an errgroup, which is what the Group's own path saves.
		b.Run(fmt.Sprintf("n=%d/impl=future.Group+WithCancelCause", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				g, ctx := future.NewGroup(bg)
				raceOn(b, g, context.WithValue(ctx, benchKey{}, 1), n, task, g.Wait)
			}
		})
	}
}

type benchKey struct{}

func raceOn(b *testing.B, g future.Spawner, ctx context.Context, n int, task func(context.Context, int, int) (int, error), wait func() error) {
	ts := make([]*future.Task[int], n)
	for i := range n {
		ts[i] = future.GoContext(ctx, g, func(ctx context.Context) (int, error) { return task(ctx, i, n) })
	}
	v, err := ops.Race(ts...).Await(context.Background())
	if err != nil || wait() != nil || v != n-1 {
		b.Fatal("wrong winner")
	}
}

func checkSum(b *testing.B, out []int, n int) {
	total := 0
	for _, v := range out {
		total += v
	}
	if total != n*(n-1)/2 {
		b.Fatal("wrong sum")
	}
}

func checkTasks(b *testing.B, ts []*future.Task[int], n int) {
	total := 0
	for _, t := range ts {
		v, err := t.Get()
		if err != nil {
			b.Fatal(err)
		}
		total += v
	}
	if total != n*(n-1)/2 {
		b.Fatal("wrong sum")
	}
}

// BenchmarkTaskContextOptions measures, without goroutines, the two ways of
// giving each of N live tasks a context that context.Cause can explain:
// context.WithCancelCause under the group's context (an entry in its
// children map, under its lock, per task), and what Group does, the same
// under context.WithoutCancel of the group's context, the group keeping
// the cancel functions in a slice and calling them itself.
func BenchmarkTaskContextOptions(b *testing.B) {
	const n = 100
	b.Run("impl=WithCancelCause(group)", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			gctx, gcancel := context.WithCancelCause(context.Background())
			cancels := make([]context.CancelCauseFunc, n)
			for i := range cancels {
				_, cancels[i] = context.WithCancelCause(gctx)
			}
			for _, c := range cancels {
				c(nil)
			}
			gcancel(nil)
		}
	})
	b.Run("impl=WithCancelCause(WithoutCancel(group))", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			gctx, gcancel := context.WithCancelCause(context.Background())
			detached := context.WithoutCancel(gctx)
			var mu sync.Mutex
			var live []context.CancelCauseFunc
			for range n {
				_, c := context.WithCancelCause(detached)
				mu.Lock()
				live = append(live, c)
				mu.Unlock()
			}
			for _, c := range live {
				c(nil)
			}
			gcancel(nil)
		}
	})
}
