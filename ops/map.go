package ops

import "github.com/goresult/goresult/future"

// Map returns a result that settles with f(v) once r settles with the value
// v, and with r's error, unchanged, if r fails (f is then not called). If f
// returns an error, the result fails with it.
//
// Map does not block and starts no goroutine: f runs in the goroutine that
// settles r, while it settles r, or at once in Map's caller if r is already
// settled. f must therefore be quick and must not block; start a goroutine
// from it (or use [Then] with a task) for slow work. If f panics, the panic
// is recovered and the result fails with a [*future.PanicError] holding it;
// the goroutine that settled r is not affected.
//
// Map panics if r or f is nil. Cancelling the result is not possible: it is
// a *future.Future settled only by Map.
func Map[T, U any](r future.Result[T], f func(T) (U, error)) future.Result[U] {
	if f == nil {
		panic("ops: Map with a nil function")
	}
	if r == nil {
		panic("ops: Map of a nil result")
	}
	if r.IsDone() { // no waiter needed: a settled result costs less to make
		return settled(mapValue(r, f))
	}
	m := &mapping[T, U]{r: r, f: f}
	register(r, m)
	return &m.out
}

// mapping is Map's output and its waiter on the input, in one allocation.
type mapping[T, U any] struct {
	out future.Future[U]
	r   future.Result[T]
	f   func(T) (U, error)
}

func (m *mapping[T, U]) Notify() {
	v, err := mapValue(m.r, m.f)
	m.r, m.f = nil, nil // keep neither alive through the output
	settle(&m.out, v, err)
}

// mapValue applies f to the value of the settled result r.
func mapValue[T, U any](r future.Result[T], f func(T) (U, error)) (U, error) {
	v, err := r.Get()
	if err != nil {
		var zero U
		return zero, err
	}
	return protect(f, v)
}
