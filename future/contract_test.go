package future_test

import (
	"context"
	"runtime/debug"
	"testing"
	"time"

	"github.com/sourcegraph/conc/pool"
	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
)

// stage is a third-party operator: a result that embeds a Future and
// settles it from a waiter on its input, as DESIGN.md's public registration
// allows. Its input's value plus one.
type stage struct {
	future.Future[int]
	in future.Result[int]
}

func newStage(in future.Result[int]) *stage {
	s := &stage{in: in}
	future.Register(in, s)
	return s
}

func (s *stage) Notify() {
	v, _ := s.in.Get()
	s.SetResult(v + 1)
}

// A chain of third-party stages built on Register settles in a loop, on a
// small bounded stack, as the operators of package ops do.
func TestRegisterChainBoundedStack(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(1 << 20))
	const stages = 200_000
	root := future.New[int]()
	var r future.Result[int] = root
	for range stages {
		r = newStage(r)
	}
	root.SetResult(0)
	if v, err := r.Get(); v != stages || err != nil || !r.IsDone() {
		t.Fatalf("got %v, %v (done %v); want %d", v, err, r.IsDone(), stages)
	}
}

// A result that forwards Register to a Future it holds is a Notifier:
// registering on it starts no goroutine.
type call struct{ f future.Future[string] }

func (c *call) Done() <-chan struct{}                        { return c.f.Done() }
func (c *call) Register(w future.Waiter) future.Registration { return c.f.Register(w) }

func TestRegisterNotifier(t *testing.T) {
	c := new(call)
	var notified int
	g := future.Register(c, waiterFunc(func() { notified++ }))
	stopped := future.Register(c, waiterFunc(func() { t.Error("a stopped waiter ran") }))
	if !stopped.Stop() || stopped.Stop() {
		t.Error("Stop: want true once, then false")
	}
	c.f.SetResult("ok")
	if notified != 1 || g.Stop() {
		t.Errorf("notified %d times, Stop after %v; want once, false", notified, g.Stop())
	}
}

// On any other Doner (a context here), Register watches it in a goroutine,
// which Stop ends.
func TestRegisterForeignDoner(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan struct{})
	future.Register(ctx, waiterFunc(func() { close(ran) }))
	cancel()
	<-ran
	other, cancelOther := context.WithCancel(context.Background())
	defer cancelOther()
	if g := future.Register(other, waiterFunc(func() { t.Error("stopped waiter ran") })); !g.Stop() {
		t.Error("Stop: got false, want true")
	}
}

// A continuation that starts the next task in the same group at its limit
// never waits for the slot the finishing task holds: errgroup (which has
// TryGo), conc's pool (which does not), and a GoStart task's start result,
// whose function still runs.
func TestContinuationAtLimit(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	then := func(g future.Spawner, r future.Result[int]) *future.Future[int] {
		out := future.New[int]()
		future.AfterFunc(r, func() {
			v, _ := r.Get()
			next := future.Go(g, func() (int, error) { return v + 1, nil })
			future.AfterFunc(next, func() { out.SetResult(must(next.Get())) })
		})
		return out
	}
	t.Run("errgroup", func(t *testing.T) {
		var g errgroup.Group
		g.SetLimit(1)
		out := then(&g, future.Go(&g, func() (int, error) { return 1, nil }))
		if v, err := out.Await(ctx); v != 2 || err != nil {
			t.Fatalf("got %v, %v; want 2", v, err)
		}
		g.Wait()
	})
	t.Run("conc pool", func(t *testing.T) {
		p := pool.New().WithErrors().WithMaxGoroutines(1)
		out := then(p, future.Go(p, func() (int, error) { return 1, nil }))
		if v, err := out.Await(ctx); v != 2 || err != nil {
			t.Fatalf("got %v, %v; want 2", v, err)
		}
		p.Wait()
	})
	// A GoStart task's start value's callbacks run while its function still
	// holds the only slot.
	for name, g := range map[string]limited{"GoStart": new(errgroup.Group), "GoStart on a Group": new(future.Group)} {
		t.Run(name, func(t *testing.T) {
			g.SetLimit(1)
			release := make(chan struct{})
			start, _ := future.GoStart(ctx, g, func(ctx context.Context, started func(int)) (int, error) {
				started(1)
				<-release
				return 0, nil
			})
			out := then(g, start)
			close(release)
			if v, err := out.Await(ctx); v != 2 || err != nil {
				t.Fatalf("got %v, %v; want 2", v, err)
			}
			if err := g.Wait(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func must[T any](v T, _ error) T { return v }

// limited is a group with a limit, as errgroup.Group and future.Group are.
type limited interface {
	future.Spawner
	SetLimit(n int)
	Wait() error
}
