package ops_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"runtime"
	"testing"

	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

var errWait = errors.New("wait test failure")

// gatedTasks starts n tasks on g; task i returns i once gates[i] is closed.
func gatedTasks(g *errgroup.Group, n int) ([]*future.Task[int], []chan struct{}) {
	tasks := make([]*future.Task[int], n)
	gates := make([]chan struct{}, n)
	for i := range tasks {
		gates[i] = make(chan struct{})
		tasks[i] = future.Go(g, func() (int, error) { <-gates[i]; return i, nil })
	}
	return tasks, gates
}

func reversed[T any](s []T) []T {
	r := make([]T, len(s))
	for i, v := range s {
		r[len(s)-1-i] = v
	}
	return r
}

// Ported from aioresult's test_wait_any_all.
func TestWaitAnyAll(t *testing.T) {
	var g errgroup.Group
	ctx := context.Background()
	results, gates := gatedTasks(&g, 10)
	defer func() {
		for _, gate := range gates[4:] {
			close(gate)
		}
		g.Wait()
	}()

	close(gates[0])
	first, err := ops.WaitAny(ctx, reversed(results)...)
	if err != nil || first != results[0] {
		t.Fatalf("WaitAny: got %v, %v, want results[0]", first, err)
	}
	for i, r := range results[1:] {
		if r.IsDone() {
			t.Fatalf("results[%d] done before its gate opened", i+1)
		}
	}

	close(gates[3])
	close(gates[2])
	close(gates[1])
	if err := ops.WaitAll(ctx, results[3], results[2], results[0]); err != nil {
		t.Fatalf("WaitAll: %v", err)
	}
	results[1].Wait(ctx)
	for i, r := range results {
		if r.IsDone() != (i < 4) {
			t.Fatalf("results[%d].IsDone() = %v", i, r.IsDone())
		}
	}
}

// A failed result can win WaitAny, and WaitAll does not report results' errors.
func TestWaitFailedResults(t *testing.T) {
	ctx := context.Background()
	failed := future.Failed[int](errWait)
	pending := future.New[int]()
	got, err := ops.WaitAny(ctx, pending, failed)
	if err != nil || got != failed {
		t.Fatalf("WaitAny: got %v, %v, want the failed future", got, err)
	}
	pending.SetError(errWait)
	if err := ops.WaitAll(ctx, failed, pending); err != nil {
		t.Fatalf("WaitAll: got %v, want nil: it reports only ctx's error", err)
	}
}

// Results of different value types wait together as future.Waitable.
func TestWaitMixedTypes(t *testing.T) {
	var g errgroup.Group
	n := future.Go(&g, func() (int, error) { return 1, nil })
	s := future.New[string]()
	rs := []future.Waitable{n, s}
	g.Wait()
	got, err := ops.WaitAny(context.Background(), rs...)
	if err != nil || got != future.Waitable(n) {
		t.Fatalf("WaitAny: got %v, %v", got, err)
	}
	go s.SetResult("x")
	if err := ops.WaitAll(context.Background(), rs...); err != nil || !s.IsDone() {
		t.Fatalf("WaitAll: %v", err)
	}
}

func TestWaitCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pending := []*future.Future[int]{future.New[int](), future.New[int]()}
	returned := make(chan error, 2)
	go func() { _, err := ops.WaitAny(ctx, pending...); returned <- err }()
	go func() { returned <- ops.WaitAll(ctx, pending...) }()
	cancel()
	for range 2 {
		if err := <-returned; !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v, want context.Canceled", err)
		}
	}
	// The cancelled waits left no callback behind.
	var ran bool
	future.AfterFunc(pending[0], func() { ran = true })
	pending[0].SetResult(1)
	if !ran {
		t.Fatal("the future's own callback did not run")
	}
}

func TestWaitBadInput(t *testing.T) {
	ctx := context.Background()
	if _, err := ops.WaitAny[*future.Future[int]](ctx); !errors.Is(err, ops.ErrNoResults) {
		t.Errorf("empty WaitAny: got %v, want ErrNoResults", err)
	}
	if err := ops.WaitAll[*future.Future[int]](ctx); err != nil {
		t.Errorf("empty WaitAll: got %v, want nil", err)
	}
	if err := ops.ResultsToChannel(ctx, []*future.Future[int]{future.Resolved(1)}, nil, true); !errors.Is(err, ops.ErrNilChannel) {
		t.Errorf("nil channel: got %v, want ErrNilChannel", err)
	}
	done, cancel := context.WithCancel(ctx)
	cancel()
	pending := future.New[int]()
	if _, err := ops.WaitAny(done, pending); !errors.Is(err, context.Canceled) {
		t.Errorf("WaitAny, closed ctx: got %v", err)
	}
	if err := ops.WaitAll(done, pending); !errors.Is(err, context.Canceled) {
		t.Errorf("WaitAll, closed ctx: got %v", err)
	}
	if got, err := ops.WaitAny(done, pending, future.Resolved(2)); err != nil || !got.IsDone() {
		t.Errorf("WaitAny, closed ctx, one settled: got %v, %v, want the settled one", got, err)
	}
	ch := make(chan *future.Future[int], 1)
	if err := ops.ResultsToChannel(done, []*future.Future[int]{future.Resolved(1)}, ch, true); !errors.Is(err, context.Canceled) {
		t.Errorf("ResultsToChannel, closed ctx: got %v", err)
	}
	if _, open := <-ch; open {
		t.Error("ResultsToChannel, closed ctx: channel not closed, or something sent")
	}
	var nilFuture *future.Future[int]
	defer func() {
		if p := recover(); p != "ops: WaitAll of a nil result" {
			t.Errorf("nil result: got panic %v", p)
		}
	}()
	ops.WaitAll(ctx, future.Resolved(1), nilFuture)
}

// Ported from aioresult's test_to_channel: results arrive in completion order
// through a channel with one slot, and the channel is closed at the end.
func TestResultsToChannel(t *testing.T) {
	var g errgroup.Group
	const n = 10
	results, gates := gatedTasks(&g, n)
	order := rand.New(rand.NewPCG(1, 2)).Perm(n)
	ch := make(chan *future.Task[int], 1)
	sent := make(chan error, 1)
	go func() { sent <- ops.ResultsToChannel(context.Background(), results, ch, true) }()
	// Receiving the first result proves the callbacks are registered; then
	// the rest settle, one at a time, while the sender is held back by the
	// full channel.
	close(gates[order[0]])
	got := []int{mustGet(t, <-ch)}
	for _, i := range order[1:] {
		close(gates[i])
		results[i].Wait(context.Background())
	}
	for r := range ch {
		v, err := r.Get()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	if err := <-sent; err != nil {
		t.Fatalf("ResultsToChannel: %v", err)
	}
	if len(got) != n {
		t.Fatalf("got %d results, want %d", len(got), n)
	}
	for k := range got {
		if got[k] != order[k] {
			t.Fatalf("got order %v, want completion order %v", got, order)
		}
	}
	g.Wait()
}

func mustGet[T any](t *testing.T, r future.Result[T]) T {
	t.Helper()
	v, err := r.Get()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// Cancelling while blocked on a full channel returns, closes the channel and
// leaves nothing behind; without closeOnComplete the channel stays open.
func TestResultsToChannelCancel(t *testing.T) {
	for _, closeIt := range []bool{true, false} {
		ctx, cancel := context.WithCancel(context.Background())
		rs := []*future.Future[int]{future.Resolved(0), future.Resolved(1), future.New[int]()}
		ch := make(chan *future.Future[int], 1)
		sent := make(chan error, 1)
		go func() { sent <- ops.ResultsToChannel(ctx, rs, ch, closeIt) }()
		if r := <-ch; r != rs[0] {
			t.Fatalf("first: got %v", r)
		}
		cancel()
		if err := <-sent; !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v, want context.Canceled", err)
		}
		var got []*future.Future[int]
		if closeIt {
			for r := range ch {
				got = append(got, r)
			}
		} else {
			select {
			case r := <-ch:
				got = append(got, r)
			default:
			}
			select {
			case _, open := <-ch:
				t.Fatalf("channel: got a receive (open=%v), want it left open and empty", open)
			default:
			}
		}
		if len(got) > 1 || len(got) == 1 && got[0] != rs[1] {
			t.Fatalf("after cancel: got %v", got)
		}
	}
}

// WaitAll and ResultsToChannel over 100,000 futures keep the goroutine count flat.
func TestWaitManyFuturesFlatGoroutines(t *testing.T) {
	const n = 100_000
	fs := make([]*future.Future[int], n)
	for i := range fs {
		fs[i] = future.New[int]()
	}
	before := runtime.NumGoroutine()
	allDone := make(chan error, 1)
	go func() { allDone <- ops.WaitAll(context.Background(), fs...) }()
	ch := make(chan *future.Future[int], 16)
	sent := make(chan error, 1)
	go func() { sent <- ops.ResultsToChannel(context.Background(), fs, ch, true) }()
	sum := make(chan int)
	go func() {
		s := 0
		for f := range ch {
			v, _ := f.Get()
			s += v
		}
		sum <- s
	}()
	for i, f := range fs[:n-1] {
		f.SetResult(i)
	}
	if got := runtime.NumGoroutine() - before; got > 3 {
		t.Fatalf("%d goroutines beyond the 3 the test started, waiting on %d futures", got-3, n)
	}
	fs[n-1].SetResult(n - 1)
	if err := <-allDone; err != nil {
		t.Fatal(err)
	}
	if err := <-sent; err != nil {
		t.Fatal(err)
	}
	if got, want := <-sum, n*(n-1)/2; got != want {
		t.Fatalf("sum: got %d, want %d", got, want)
	}
}

type foreignResult struct{ done chan struct{} }

func (r *foreignResult) Done() <-chan struct{} { return r.done }

// Results of other types work through the slower path.
func TestWaitForeignResults(t *testing.T) {
	rs := []*foreignResult{{make(chan struct{})}, {make(chan struct{})}}
	close(rs[1].done)
	got, err := ops.WaitAny(context.Background(), rs...)
	if err != nil || got != rs[1] {
		t.Fatalf("WaitAny: got %v, %v", got, err)
	}
	close(rs[0].done)
	if err := ops.WaitAll(context.Background(), rs...); err != nil {
		t.Fatal(err)
	}
	ch := make(chan *foreignResult, 2)
	if err := ops.ResultsToChannel(context.Background(), rs, ch, true); err != nil || len(ch) != 2 {
		t.Fatalf("ResultsToChannel: %v, %d sent", err, len(ch))
	}
}
