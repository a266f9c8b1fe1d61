package bench

import (
	"context"
	"errors"
	"sync"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
	"github.com/reactivex/rxgo/v2"
	"github.com/samber/lo"
	"github.com/samber/ro"
	"github.com/sourcegraph/conc/pool"
	"golang.org/x/sync/errgroup"
)

// errWon is returned by the winner of a race to a group, to cancel the rest.
var errWon = errors.New("bench: race won")

// w4 is a race over N tasks: the first value wins, the losers are cancelled
// (or abandoned, where the approach cannot cancel them).
func w4() Workload {
	return Workload{
		ID: "W4", Title: "race over N, losers cancelled or abandoned",
		Sizes: []int{1, 100, 10_000}, Huge: []int{1_000_000}, Short: 5, Baseline: "hand",
		Want:  winnerValue,
		Gauge: Racing, GaugeUnit: "losers-running",
		Approaches: []Approach{
			{Name: "hand", How: "a goroutine per task, first value from a buffered channel, cancel, WaitGroup.Wait (joins the losers)", Prepare: w4Hand},
			{Name: "errgroup", How: "errgroup.WithContext, the winner returns a sentinel error to cancel the rest, Wait", Prepare: w4Errgroup},
			{Name: "conc", How: "pool.New().WithContext(ctx).WithCancelOnError(), the winner returns a sentinel error, Wait", Prepare: w4Conc},
			{Name: "lo", How: "lo.Async per task, first value from lo.FanIn, cancel (losers abandoned; FanIn's goroutines never exit)", Leaks: true, Prepare: w4Lo},
			{Name: "rxgo", How: "rxgo.Start per task with rxgo.WithContext, rxgo.Amb, first item, cancel (losers abandoned)", Prepare: w4Rxgo},
			{Name: "ro", How: "ro.Future per task, ro.Race, ro.Collect, cancel (losers abandoned: ro.Future takes no context)", Prepare: w4Ro},
			{Name: "promise", How: "promise.New per task closing over ctx, promise.Race(ctx, ...), Await, cancel (losers abandoned; Race's Then and Catch goroutines per promise exit on the cancel)", Prepare: w4Promise},
			{Name: "async", How: "async.NewTask(f).Call() per task closing over ctx, async.FutureFirstCompletedOf, Join, cancel (losers abandoned: a Task takes no context; a goroutine per future waits for its loser)", Prepare: w4Async},
			{Name: "goresult", How: "future.GoContext per task, ops.Race (cancels the losers), Await, errgroup Wait (joins them)", Prepare: w4Goresult},
			groupRace(),
		},
	}
}

func w4Hand(n int) Op {
	return func() int {
		ctx, cancel := context.WithCancel(context.Background())
		ch := make(chan int, n)
		var wg sync.WaitGroup
		wg.Add(n)
		for i := range n {
			go func() {
				defer wg.Done()
				if v, err := raceTask(ctx, i, n); err == nil {
					ch <- v
				}
			}()
		}
		v := <-ch
		cancel()
		wg.Wait()
		return v
	}
}

func w4Errgroup(n int) Op {
	return func() int {
		g, ctx := errgroup.WithContext(context.Background())
		won := make(chan int, 1)
		for i := range n {
			g.Go(func() error {
				v, err := raceTask(ctx, i, n)
				if err != nil {
					return err
				}
				won <- v
				return errWon
			})
		}
		if !errors.Is(g.Wait(), errWon) {
			return -1
		}
		return <-won
	}
}

func w4Conc(n int) Op {
	return func() int {
		p := pool.New().WithContext(context.Background()).WithCancelOnError()
		won := make(chan int, 1)
		for i := range n {
			p.Go(func(ctx context.Context) error {
				v, err := raceTask(ctx, i, n)
				if err != nil {
					return err
				}
				won <- v
				return errWon
			})
		}
		if !errors.Is(p.Wait(), errWon) {
			return -1
		}
		return <-won
	}
}

// outcome is a value or an error, for the peers whose tasks return one value.
type outcome struct {
	v   int
	err error
}

func w4Lo(n int) Op {
	return func() int {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		chs := make([]<-chan outcome, n)
		for i := range n {
			chs[i] = lo.Async(func() outcome {
				v, err := raceTask(ctx, i, n)
				return outcome{v, err}
			})
		}
		first := <-lo.FanIn(0, chs...)
		if first.err != nil {
			return -1
		}
		return first.v
	}
}

func w4Rxgo(n int) Op {
	return func() int {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		obs := make([]rxgo.Observable, n)
		for i := range n {
			obs[i] = rxgo.Start([]rxgo.Supplier{func(ctx context.Context) rxgo.Item {
				v, err := raceTask(ctx, i, n)
				if err != nil {
					return rxgo.Error(err)
				}
				return rxgo.Of(v)
			}}, rxgo.WithContext(ctx))
		}
		item, ok := <-rxgo.Amb(obs).Observe()
		if !ok || item.Error() {
			return -1
		}
		return item.V.(int)
	}
}

func w4Ro(n int) Op {
	return func() int {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		obs := make([]ro.Observable[int], n)
		for i := range n {
			obs[i] = ro.Future(func() (int, error) { return raceTask(ctx, i, n) })
		}
		vs, err := ro.Collect(ro.Race(obs...))
		if err != nil || len(vs) != 1 {
			return -1
		}
		return vs[0]
	}
}

func w4Goresult(n int) Op {
	ctx := context.Background()
	return func() int {
		var g errgroup.Group
		ts := make([]*future.Task[int], n)
		for i := range n {
			ts[i] = future.GoContext(ctx, &g, func(ctx context.Context) (int, error) { return raceTask(ctx, i, n) })
		}
		v, err := ops.Race(ts...).Await(ctx)
		if err != nil || g.Wait() != nil {
			return -1
		}
		return v
	}
}
