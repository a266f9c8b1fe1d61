// Command quickstart shows goresult's core in one run: tasks captured in an
// errgroup, an error that reaches the group and cancels its siblings, WaitAny
// over mirrors, and results read as they complete from a channel.
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

// fetch stands in for a network call that takes d, or fails.
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
	ctx := context.Background()
	capturedTasks(ctx)
	errorPropagates(ctx)
	firstMirror(ctx)
	asCompleted(ctx)
}

// capturedTasks starts tasks in a group and reads each one's value afterwards.
func capturedTasks(ctx context.Context) {
	g, ctx := errgroup.WithContext(ctx)
	user := future.Go(g, func() (string, error) { return fetch(ctx, "user", 20*time.Millisecond, false) })
	orders := future.Go(g, func() (string, error) { return fetch(ctx, "orders", 10*time.Millisecond, false) })
	if err := g.Wait(); err != nil {
		log.Fatal(err)
	}
	fmt.Println("1. captured:", user, orders)
}

// errorPropagates shows a failure reaching the group, which cancels the
// sibling, while both outcomes stay readable in their tasks.
func errorPropagates(ctx context.Context) {
	g, ctx := errgroup.WithContext(ctx)
	slow := future.Go(g, func() (string, error) { return fetch(ctx, "reports", time.Second, false) })
	bad := future.Go(g, func() (string, error) { return fetch(ctx, "billing", 10*time.Millisecond, true) })
	err := g.Wait()
	fmt.Println("2. group error:", err, "| unavailable:", errors.Is(err, errUnavailable))
	fmt.Println("   billing:", bad.Err())
	fmt.Println("   reports (cancelled by the group):", slow.Err())
}

// firstMirror takes whichever mirror answers first.
func firstMirror(ctx context.Context) {
	g, gctx := errgroup.WithContext(ctx)
	var mirrors []*future.Task[string]
	for i, d := range []time.Duration{300, 20, 150} {
		name := fmt.Sprintf("mirror-%d", i)
		mirrors = append(mirrors, future.GoContext(gctx, g, func(ctx context.Context) (string, error) {
			return fetch(ctx, name, d*time.Millisecond, false)
		}))
	}
	first, err := ops.WaitAny(ctx, mirrors...)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("3. first mirror:", first)
	for _, m := range mirrors {
		m.Cancel(errors.New("another mirror answered")) // the losers stop; the group does not fail
	}
	if err := g.Wait(); err != nil {
		log.Fatal(err)
	}
}

// asCompleted reads results in the order they complete, failures included.
func asCompleted(ctx context.Context) {
	var g errgroup.Group
	var rs []future.Waitable
	for i, d := range []time.Duration{60, 20, 40} {
		name := fmt.Sprintf("job-%d", i)
		rs = append(rs, future.Go(&g, func() (string, error) {
			return fetch(ctx, name, d*time.Millisecond, i == 2)
		}, future.SuppressError()))
	}
	ch := make(chan future.Waitable, 1)
	go ops.ResultsToChannel(ctx, rs, ch, true)
	fmt.Println("4. as completed:")
	for r := range ch {
		fmt.Println("  ", r)
	}
	if err := g.Wait(); err != nil {
		log.Fatal(err)
	}
}
