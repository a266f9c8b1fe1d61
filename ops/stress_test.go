package ops_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

var stressRounds = flag.Int("ops.stress", 30, "rounds of each stress test (go test -race -run Stress -ops.stress 5000 for a long run)")

// stressInputs starts n tasks that succeed once released, or fail with
// their context's error once cancelled, in a plain errgroup: a cancelled
// task must never fail it. release frees them from two goroutines, in a
// random order, racing whatever the test does meanwhile.
func stressInputs(rng *rand.Rand, n int) (g *errgroup.Group, tasks []*future.Task[int], release func()) {
	g = new(errgroup.Group)
	gates := make([]chan struct{}, n)
	for i := range n {
		gates[i] = make(chan struct{})
		tasks = append(tasks, future.GoContext(context.Background(), g, func(ctx context.Context) (int, error) {
			select {
			case <-gates[i]:
				return i, nil
			case <-ctx.Done():
				return 0, errors.New("an error of its own") // not wrapping context.Canceled
			}
		}))
	}
	order := rng.Perm(n)
	return g, tasks, func() {
		var wg sync.WaitGroup
		for _, half := range [][]int{order[:n/2], order[n/2:]} {
			wg.Go(func() {
				for _, i := range half {
					close(gates[i])
				}
			})
		}
		wg.Wait()
	}
}

// Every operator's output, cancelled while its inputs settle: it settles
// once, with a value or an error, every task ends, and the group never
// fails.
func TestStressOperatorsCancelled(t *testing.T) {
	operators := map[string]func([]*future.Task[int]) future.Result[int]{
		"Race": func(ts []*future.Task[int]) future.Result[int] { return ops.Race(ts...) },
		"Any":  func(ts []*future.Task[int]) future.Result[int] { return ops.Any(ts...) },
		"All": func(ts []*future.Task[int]) future.Result[int] {
			return ops.Map(ops.All(ts...), func(vs []int) (int, error) { return len(vs), nil })
		},
		"AllSettled": func(ts []*future.Task[int]) future.Result[int] {
			return ops.Map(ops.AllSettled(ts...), func(rs []future.Result[int]) (int, error) { return len(rs), nil })
		},
		"Map of Race": func(ts []*future.Task[int]) future.Result[int] { return ops.Map(ops.Race(ts...), inc) },
		"Then": func(ts []*future.Task[int]) future.Result[int] {
			return ops.Then(ts[0], func(int) future.Result[int] { return ops.Race(ts[1:]...) })
		},
		"Timeout": func(ts []*future.Task[int]) future.Result[int] {
			return ops.Timeout(ops.Any(ts...), time.Duration(rand.IntN(50))*time.Microsecond)
		},
		"Until": func(ts []*future.Task[int]) future.Result[int] {
			ctx, cancel := context.WithCancel(context.Background())
			go cancel()
			return ops.Until(ctx, ops.Race(ts...))
		},
	}
	for name, op := range operators {
		t.Run(name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			for range *stressRounds {
				g, tasks, release := stressInputs(rng, 8)
				out := op(tasks)
				go out.(future.Canceler).Cancel(ops.ErrLost)
				release()
				if _, err := out.Await(bounded(t)); errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, ops.ErrTimeout) {
					t.Fatalf("output never settled: %v", err)
				}
				if err := g.Wait(); err != nil {
					t.Fatalf("group failed: %v", err)
				}
				if !out.IsDone() {
					t.Fatal("output not done after Await")
				}
			}
		})
	}
}

// Every wait, its context cancelled while its inputs settle: it returns
// ctx's error, or hands out only results that are done.
func TestStressWaitsCancelled(t *testing.T) {
	waits := map[string]func(ctx context.Context, ts []*future.Task[int]) ([]*future.Task[int], error){
		"WaitAny": func(ctx context.Context, ts []*future.Task[int]) ([]*future.Task[int], error) {
			r, err := ops.WaitAny(ctx, ts...)
			return []*future.Task[int]{r}, err
		},
		"WaitAll": func(ctx context.Context, ts []*future.Task[int]) ([]*future.Task[int], error) {
			if err := ops.WaitAll(ctx, ts...); err != nil {
				return nil, err
			}
			return ts, nil
		},
		"ResultsToChannel": func(ctx context.Context, ts []*future.Task[int]) ([]*future.Task[int], error) {
			ch := make(chan *future.Task[int], len(ts))
			err := ops.ResultsToChannel(ctx, ts, ch, true)
			var got []*future.Task[int]
			for r := range ch {
				got = append(got, r)
			}
			return got, err
		},
		"Merge": func(ctx context.Context, ts []*future.Task[int]) ([]*future.Task[int], error) {
			var got []*future.Task[int]
			err := ops.Merge(ts...)(ctx, func(r *future.Task[int]) error { got = append(got, r); return nil })
			return got, err
		},
	}
	for name, wait := range waits {
		t.Run(name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(3, 4))
			for round := range *stressRounds {
				g, tasks, release := stressInputs(rng, 8)
				ctx, cancel := context.WithCancel(context.Background())
				go cancel()
				go release()
				got, err := wait(ctx, tasks)
				if err != nil && !errors.Is(err, context.Canceled) {
					t.Fatalf("round %d: got %v, want nil or context.Canceled", round, err)
				}
				seen := map[*future.Task[int]]bool{}
				for _, r := range got {
					if r == nil {
						continue
					}
					if !r.IsDone() || fmt.Sprint(r) == "Task(pending)" {
						t.Fatalf("round %d: handed out %v, not done", round, r)
					}
					if seen[r] && name != "WaitAll" {
						t.Fatalf("round %d: %v handed out twice", round, r)
					}
					seen[r] = true
				}
				if err := g.Wait(); err != nil {
					t.Fatalf("group failed: %v", err)
				}
			}
		})
	}
}
