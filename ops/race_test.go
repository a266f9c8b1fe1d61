package ops_test

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"weak"

	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

func TestRace(t *testing.T) {
	tests := []struct {
		name    string
		order   []int // the futures to settle, in order; the first wins
		fail    bool  // settle with errors instead of values
		wantErr error
	}{
		{name: "value", order: []int{2, 0, 1}},
		{name: "failure wins", order: []int{1, 2, 0}, fail: true, wantErr: errBoom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := futures(3)
			out := ops.Race(fs...)
			wantPending(t, out)
			for _, i := range tt.order {
				if tt.fail {
					fs[i].SetError(errBoom)
				} else {
					fs[i].SetResult(i)
				}
			}
			if tt.wantErr != nil {
				wantError(t, out, tt.wantErr)
				return
			}
			wantValue(t, out, tt.order[0])
		})
	}
}

func TestRaceSettledInputs(t *testing.T) {
	out := ops.Race(future.New[int](), future.Resolved(1), future.Resolved(2))
	wantValue(t, out, 1) // the first settled one in input order
	wantError(t, ops.Race[int, *future.Future[int]](), ops.ErrNoResults)
	wantError(t, ops.Any[int, *future.Future[int]](), ops.ErrNoResults)
}

// The losing tasks are cancelled with ErrLost; the plain future is left
// alone, and nothing leaks (goleak checks at the end of the package).
func TestRaceCancelsLosers(t *testing.T) {
	tasks, causes, wait := cancellable(t, 3)
	plain := future.New[int]()
	var g errgroup.Group
	gate := make(chan struct{})
	winner := future.Go(&g, func() (int, error) { <-gate; return 9, nil })
	rs := []future.Result[int]{tasks[0], plain, winner, tasks[1], tasks[2]}
	out := ops.Race(rs...)
	close(gate)
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	wantValue(t, out, 9)
	for i, task := range tasks {
		if err := task.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		wantError(t, task, context.Canceled)
		if causes[i] != ops.ErrLost {
			t.Errorf("task %d: cause %v, want ops.ErrLost", i, causes[i])
		}
	}
	wantPending(t, plain)
	wait()
}

// A result that loses and stays pending must not keep the winner's value
// alive: Race removes its callbacks from it.
func TestRaceReleasesWinner(t *testing.T) {
	for _, op := range []struct {
		name string
		race func(...future.Result[*[1 << 10]byte]) future.Result[*[1 << 10]byte]
	}{
		{"Race", ops.Race[*[1 << 10]byte, future.Result[*[1 << 10]byte]]},
		{"Any", ops.Any[*[1 << 10]byte, future.Result[*[1 << 10]byte]]},
	} {
		t.Run(op.name, func(t *testing.T) {
			loser := future.New[*[1 << 10]byte]()
			w := winnerRef(op.race, loser)
			runtime.GC()
			runtime.GC()
			if w.Value() != nil {
				t.Fatal("the winner's value is still reachable through the pending loser")
			}
			runtime.KeepAlive(loser)
		})
	}
}

// winnerRef races a settled winner against loser, reads the outcome and
// returns a weak pointer to the winner's value.
func winnerRef(race func(...future.Result[*[1 << 10]byte]) future.Result[*[1 << 10]byte], loser future.Result[*[1 << 10]byte]) weak.Pointer[[1 << 10]byte] {
	winner := future.New[*[1 << 10]byte]()
	out := race(loser, winner)
	v := new([1 << 10]byte)
	winner.SetResult(v)
	if got, _ := out.Get(); got != v {
		panic("wrong winner")
	}
	return weak.Make(v)
}

func TestAny(t *testing.T) {
	fs := futures(3)
	out := ops.Any(fs...)
	fs[1].SetError(errBoom)
	wantPending(t, out)
	fs[2].SetResult(2)
	wantValue(t, out, 2)
	fs[0].SetResult(0)
	wantValue(t, out, 2)
}

func TestAnyAllFail(t *testing.T) {
	fs := futures(3)
	out := ops.Any(fs...)
	fs[2].SetError(errBang)
	fs[0].SetError(errBoom)
	wantPending(t, out)
	fs[1].SetError(context.Canceled)
	_, err := settledOutcome(t, out)
	var ae *ops.AnyError
	if !errors.As(err, &ae) {
		t.Fatalf("got %v, want an *ops.AnyError", err)
	}
	want := []error{errBoom, context.Canceled, errBang}
	if len(ae.Errs) != len(want) {
		t.Fatalf("got %d errors, want %d", len(ae.Errs), len(want))
	}
	for i, w := range want {
		if ae.Errs[i] != w {
			t.Errorf("Errs[%d]: got %v, want %v", i, ae.Errs[i], w)
		}
		if !errors.Is(err, w) {
			t.Errorf("errors.Is(err, %v) = false, want true", w)
		}
	}
	wantMsg := "ops: all 3 results failed\n[0] boom\n[1] context canceled\n[2] bang"
	if err.Error() != wantMsg {
		t.Errorf("message: got %q, want %q", err.Error(), wantMsg)
	}
}

// Any skips a panicked input and takes the next success; the losers that
// are tasks are cancelled with ErrLost.
func TestAnyPanickedInputAndLosers(t *testing.T) {
	tasks, causes, wait := cancellable(t, 2)
	in := future.New[int]()
	panicked := ops.Map(in, func(int) (int, error) { panic("any panic") })
	ok := future.New[int]()
	out := ops.Any([]future.Result[int]{tasks[0], panicked, ok, tasks[1]}...)
	in.SetResult(1)
	wantPending(t, out)
	ok.SetResult(5)
	wantValue(t, out, 5)
	for i, task := range tasks {
		if err := task.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		if causes[i] != ops.ErrLost {
			t.Errorf("task %d: cause %v, want ops.ErrLost", i, causes[i])
		}
	}
	wait()
}

// A panic that settles an input first wins the race as a *future.PanicError.
func TestRacePanickedInput(t *testing.T) {
	in := future.New[int]()
	panicked := ops.Map(in, func(int) (int, error) { panic("race panic") })
	out := ops.Race([]future.Result[int]{future.New[int](), panicked}...)
	in.SetResult(1)
	wantPanic(t, out, "race panic")
}

// Inputs settled by many goroutines at once settle each operator once, with
// the right outcome.
func TestConcurrentSettles(t *testing.T) {
	const n, workers = 200, 4
	for round := range 20 {
		fs := futures(n)
		all, settled := ops.All(fs...), ops.AllSettled(fs...)
		race, anyOK := ops.Race(fs...), ops.Any(fs...)
		var g errgroup.Group
		for w := range workers {
			g.Go(func() error {
				for i := w; i < n; i += workers {
					if i%2 == 1 {
						fs[i].SetError(errBoom)
					} else {
						fs[i].SetResult(i)
					}
				}
				return nil
			})
		}
		if err := g.Wait(); err != nil {
			t.Fatal(err)
		}
		wantError(t, all, errBoom)
		if rs, err := settledOutcome(t, settled); err != nil || len(rs) != n {
			t.Fatalf("round %d: AllSettled got %d, %v; want %d results", round, len(rs), err, n)
		}
		if v, err := settledOutcome(t, race); err == nil && v%2 != 0 {
			t.Fatalf("round %d: Race got %d, nil; want an even value or errBoom", round, v)
		}
		if v, err := settledOutcome(t, anyOK); err != nil || v%2 != 0 {
			t.Fatalf("round %d: Any got %d, %v; want an even value", round, v, err)
		}
	}
}
