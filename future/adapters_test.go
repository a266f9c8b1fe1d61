package future_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/sourcegraph/conc/pool"

	"github.com/goresult/goresult/future"
)

// Tasks on conc's ContextPool: values in the Tasks, the first error from the
// pool's Wait (and its context cancelled), a panic as a *PanicError error.
func TestContextPoolSpawner(t *testing.T) {
	cases := []struct {
		name    string
		fail    func() (int, error)
		wantErr func(error) bool
	}{
		{"error", func() (int, error) { return 0, errTest }, func(err error) bool { return errors.Is(err, errTest) }},
		{"panic", func() (int, error) { panic("boom") }, func(err error) bool {
			var pe *future.PanicError
			return errors.As(err, &pe) && pe.Value == "boom"
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := pool.New().WithContext(context.Background()).WithCancelOnError()
			var siblingSaw error
			p.Go(func(ctx context.Context) error { <-ctx.Done(); siblingSaw = ctx.Err(); return nil })
			s := future.ContextPoolSpawner(p)
			ok := future.Go(s, func() (int, error) { return 7, nil })
			failing := future.Go(s, tc.fail)
			withCtx := future.GoContext(context.Background(), s, func(context.Context) (int, error) { return 8, nil })
			if err := p.Wait(); !tc.wantErr(err) {
				t.Errorf("pool's Wait: got %v", err)
			}
			if siblingSaw == nil {
				t.Error("the pool's context was not cancelled by the task's failure")
			}
			if v, err := ok.Get(); v != 7 || err != nil {
				t.Errorf("ok: got %v, %v, want 7, nil", v, err)
			}
			if v, err := withCtx.Get(); v != 8 || err != nil {
				t.Errorf("withCtx: got %v, %v, want 8, nil", v, err)
			}
			if err := failing.Err(); !tc.wantErr(err) {
				t.Errorf("failing task: got %v", err)
			}
		})
	}
}

// Tasks on a sync.WaitGroup: wg.Wait waits for them; errors live in the Tasks.
func TestWaitGroupSpawner(t *testing.T) {
	var wg sync.WaitGroup
	s := future.WaitGroupSpawner(&wg)
	ok := future.Go(s, func() (int, error) { return 1, nil })
	failing := future.Go(s, func() (int, error) { return 0, errTest })
	_, done := future.GoStart(context.Background(), s, func(_ context.Context, started func(int)) (int, error) {
		started(2)
		return 3, nil
	})
	wg.Wait()
	if v, err := ok.Get(); v != 1 || err != nil {
		t.Errorf("ok: got %v, %v, want 1, nil", v, err)
	}
	if err := failing.Err(); err != errTest {
		t.Errorf("failing: got %v, want %v", err, errTest)
	}
	if v, err := done.Get(); v != 3 || err != nil {
		t.Errorf("done: got %v, %v, want 3, nil", v, err)
	}
}

// TestWaitGroupSpawnerPanic checks, in a subprocess, that a panic in a task
// on a WaitGroup crashes the program, as a panic in wg.Go's function does.
func TestWaitGroupSpawnerPanic(t *testing.T) {
	if os.Getenv("FUTURE_TEST_CRASH") == "1" {
		var wg sync.WaitGroup
		future.Go(future.WaitGroupSpawner(&wg), func() (int, error) { panic("boom") })
		wg.Wait()
		return // not reached: the panic ends the process
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestWaitGroupSpawnerPanic$", "-test.timeout=60s")
	cmd.Env = append(os.Environ(), "FUTURE_TEST_CRASH=1")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || !strings.Contains(string(out), "panic: future: panic: boom") {
		t.Errorf("got %v and output:\n%s\nwant a crash with \"panic: future: panic: boom\"", err, out)
	}
}

func TestSpawnerAdaptersNil(t *testing.T) {
	for name, call := range map[string]func(){
		"ContextPoolSpawner": func() { future.ContextPoolSpawner(nil) },
		"WaitGroupSpawner":   func() { future.WaitGroupSpawner(nil) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if msg, _ := recover().(string); !strings.HasPrefix(msg, "future: ") {
					t.Errorf("recovered %q, want a panic starting with \"future: \"", msg)
				}
			}()
			call()
		})
	}
}
