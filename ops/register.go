package ops

import (
	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/internal/nilcheck"
	"github.com/goresult/goresult/internal/notify"
)

// entry is one input of an operator over many results: a copy of the
// caller's element, made at the call (so that the caller may reuse its
// slice at once), and the operator's waiter on it. entry is a library
// waiter: it runs no user code, so a task's goroutine may run it while it
// holds its group's slot.
type entry[R future.Doner] struct {
	notify.Library
	r   R
	reg future.Registration
	i   int
	on  func(i int)
}

func (e *entry[R]) Notify() { e.on(e.i) }

// wakeEntry is a result that arrivals watches, and its wake-up on it: it
// runs once its result is done, so that whoever arrivals hands the result
// to finds it done.
type wakeEntry[R future.Doner] struct {
	notify.Wakeup
	reg future.Registration
	i   int
	a   *arrivals[R]
}

func (e *wakeEntry[R]) Notify() { e.a.arrive(e.i) }

// entries copies rs, in one allocation, checking each for nil; name is the
// calling function's, for the panic message.
func entries[R future.Doner](name string, rs []R) []entry[R] {
	es := make([]entry[R], len(rs))
	for i, r := range rs {
		if nilcheck.Is(r) {
			panic("ops: " + name + " of a nil result")
		}
		es[i] = entry[R]{r: r, i: i}
	}
	return es
}

// checkInputs panics, naming the calling function, if one of rs is nil.
func checkInputs[R future.Doner](name string, rs []R) {
	for _, r := range rs {
		if nilcheck.Is(r) {
			panic("ops: " + name + " of a nil result")
		}
	}
}

// checkInput panics, naming the calling function, if r is nil.
func checkInput(name string, r any) {
	if nilcheck.Is(r) {
		panic("ops: " + name + " of a nil result")
	}
}
