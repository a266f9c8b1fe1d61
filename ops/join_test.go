package ops_test

import (
	"context"
	"testing"

	"github.com/samber/lo"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

func TestJoin2(t *testing.T) {
	a, b := future.New[int](), future.New[string]()
	out := ops.Join2(a, b)
	b.SetResult("b")
	wantPending(t, out)
	a.SetResult(1)
	wantValue(t, out, lo.T2(1, "b"))

	a, b = future.New[int](), future.New[string]()
	out = ops.Join2(a, b)
	b.SetError(errBoom) // fails at once, a still pending
	wantError(t, out, errBoom)
	a.SetError(errBang)
	wantError(t, out, errBoom)
}

func TestJoin3(t *testing.T) {
	a, b, c := future.New[int](), future.New[string](), future.New[bool]()
	out := ops.Join3(a, b, c)
	a.SetResult(1)
	c.SetResult(true)
	wantPending(t, out)
	b.SetResult("b")
	wantValue(t, out, lo.T3(1, "b", true))

	in := future.New[int]()
	panicked := ops.Map(in, func(int) (bool, error) { panic("join panic") })
	out = ops.Join3(future.Resolved(1), future.New[string](), panicked)
	in.SetResult(0)
	wantPanic(t, out, "join panic")

	tasks, _, wait := cancellable(t, 1)
	cancelled := ops.Join3(tasks[0], future.Resolved("x"), future.Resolved(true))
	tasks[0].Cancel(nil)
	wait()
	wantError(t, cancelled, context.Canceled)
}
