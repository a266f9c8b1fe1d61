// Command quickstart shows goresult's core in one run: tasks captured in an
// errgroup, an error that reaches the group and cancels its siblings, a race
// between mirrors that cancels the losers, and results read as they complete
// from a channel.
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

// fetch stands in for a network call that takes d, or fails. If ctx ends
// first it returns ctx's cause: whoever cancelled it says why.
func fetch(ctx context.Context, name string, d time.Duration, fail bool) (string, error) {
	select {
	case <-time.After(d):
	case <-ctx.Done():
		return "", context.Cause(ctx)
	}
	if fail {
		return "", fmt.Errorf("fetch %s: %w", name, errUnavailable)
	}
	return name + ": ok", nil
}

var errUnavailable = errors.New("service unavailable")

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run runs every section in turn, writing to w.
func run(ctx context.Context, w io.Writer) error {
	for _, section := range []func(context.Context, io.Writer) error{
		capturedTasks, errorPropagates, firstMirror, asCompleted,
	} {
		if err := section(ctx, w); err != nil {
			return err
		}
	}
	return nil
}

// capturedTasks starts tasks in a group and reads each one's value afterwards.
func capturedTasks(ctx context.Context, w io.Writer) error {
	g, ctx := errgroup.WithContext(ctx)
	user := future.Go(g, func() (string, error) { return fetch(ctx, "user", 20*time.Millisecond, false) })
	orders := future.Go(g, func() (string, error) { return fetch(ctx, "orders", 10*time.Millisecond, false) })
	if err := g.Wait(); err != nil {
		return err
	}
	fmt.Fprintln(w, "1. captured:", user, orders)
	return nil
}

// errorPropagates shows a failure reaching the group, which cancels the
// sibling, while both outcomes stay readable in their tasks.
func errorPropagates(ctx context.Context, w io.Writer) error {
	g, ctx := errgroup.WithContext(ctx)
	slow := future.Go(g, func() (string, error) { return fetch(ctx, "reports", time.Second, false) })
	bad := future.Go(g, func() (string, error) { return fetch(ctx, "billing", 10*time.Millisecond, true) })
	err := g.Wait()
	fmt.Fprintln(w, "2. group error:", err, "| unavailable:", errors.Is(err, errUnavailable))
	fmt.Fprintln(w, "   billing:", bad.Err())
	fmt.Fprintln(w, "   reports, cancelled by the group with billing's error as the cause:", slow.Err())
	return nil
}

// firstMirror takes whichever mirror answers first. ops.Race cancels the
// other tasks with the cause ops.ErrLost; a task cancelled that way records
// its error but does not fail the group.
func firstMirror(ctx context.Context, w io.Writer) error {
	g, gctx := errgroup.WithContext(ctx)
	var mirrors []*future.Task[string]
	for i, d := range []time.Duration{300, 20, 150} {
		name := fmt.Sprintf("mirror-%d", i)
		mirrors = append(mirrors, future.GoContext(gctx, g, func(ctx context.Context) (string, error) {
			return fetch(ctx, name, d*time.Millisecond, false)
		}))
	}
	body, err := ops.Race(mirrors...).Await(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "3. first mirror:", body)
	fmt.Fprintln(w, "   group error once the losers returned:", g.Wait())
	for _, m := range mirrors {
		fmt.Fprintln(w, "  ", m, "| lost:", errors.Is(m.Err(), ops.ErrLost))
	}
	return nil
}

// asCompleted reads results in the order they complete, failures included.
func asCompleted(ctx context.Context, w io.Writer) error {
	var g errgroup.Group
	var rs []future.Waitable
	for i, d := range []time.Duration{60, 20, 40} {
		name := fmt.Sprintf("job-%d", i)
		rs = append(rs, future.Go(&g, func() (string, error) {
			return fetch(ctx, name, d*time.Millisecond, i == 2)
		}, future.SuppressError())) // job-2's error stays in its task
	}
	ch := make(chan future.Waitable, 1)
	g.Go(func() error { return ops.ResultsToChannel(ctx, rs, ch, true) }) // closes ch when all are sent
	fmt.Fprintln(w, "4. as completed:")
	for r := range ch {
		fmt.Fprintln(w, "  ", r)
	}
	return g.Wait()
}
