package ops

import (
	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/internal/guard"
)

// Map returns a result that settles with f(v) once r settles with the value
// v, and with r's error, unchanged, if r fails (f is then not called). If f
// returns an error, the result fails with it. Cancelling the result cancels
// r.
//
// f runs in the goroutine that settles r, while it settles r, or at once in
// Map's caller if r is already settled (see the package doc). Map panics if
// r or f is nil.
func Map[T, U any](r future.Result[T], f func(T) (U, error)) future.Result[U] {
	if f == nil {
		panic("ops: Map with a nil function")
	}
	checkInput("Map", r)
	if r.IsDone() { // no waiter needed: a settled result costs less to make
		return settled(mapValue(r, f, nil))
	}
	m := &mapping[T, U]{r: r, f: f}
	future.Register(r, m)
	return m
}

// mapping is Map's output and its waiter on the input, in one allocation.
// Its Future is a relay: the drain that runs Notify runs its waiters after.
type mapping[T, U any] struct {
	future.Future[U]
	r future.Result[T]
	f func(T) (U, error)
}

func (m *mapping[T, U]) Notify() {
	f := m.f
	m.f = nil // keep it no longer than needed
	v, err := mapValue(m.r, f, func(err error) { m.SetError(err) })
	settle(&m.Future, v, err)
}

// Cancel cancels the input, with cause.
func (m *mapping[T, U]) Cancel(cause error) { cancelTree(m, cause) }

func (m *mapping[T, U]) cancelInputs(_ error, push func(future.Doner)) { push(m.r) }

// mapValue applies f to the value of the settled result r; goexit runs if f
// calls runtime.Goexit.
func mapValue[T, U any](r future.Result[T], f func(T) (U, error), goexit func(error)) (U, error) {
	v, err := r.Get()
	if err != nil {
		var zero U
		return zero, err
	}
	return guard.Call(f, v, goexit)
}
