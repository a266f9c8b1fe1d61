package ops

import (
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/goresult/goresult/future"
)

// Any returns a result that settles with the value of the first of rs to
// succeed. If all of them fail, it fails with an [*AnyError] holding every
// error, by index, once the last one has failed.
//
// Once a result succeeds, Any removes its callbacks from the others and
// cancels them with the cause [ErrLost], as [Race] does.
//
// Over tasks of a group that cancels its context on the first error
// (errgroup.WithContext), Any degenerates into "the first failure cancels
// everyone": the first task's error reaches the group, the group cancels
// the others' context, and they fail too, so Any fails with an [*AnyError]
// even when a slower task would have succeeded. Start such tasks with
// [future.SuppressError], so that their errors stay in their tasks (a panic
// still reaches the group), or run them in a [future.Group].
//
// Any of no results fails with [ErrNoResults].
func Any[T any, R future.Result[T]](rs ...R) future.Result[T] {
	if len(rs) == 0 {
		return settled(*new(T), ErrNoResults)
	}
	out := new(anyOut[T, R])
	out.init("Any", rs, true)
	out.errs = make([]error, len(rs))
	out.wire(out.arrive)
	return out
}

// anyOut is Any's output.
type anyOut[T any, R future.Result[T]] struct {
	fanOut[T, R]
	errs   []error
	failed atomic.Int64
}

func (o *anyOut[T, R]) arrive(i int) {
	v, err := o.input(i).Get()
	if err == nil {
		if o.decide(i, true) {
			o.SetResult(v)
		}
		return
	}
	o.errs[i] = err
	if o.failed.Add(1) == int64(len(o.errs)) && o.decide(-1, false) {
		o.SetError(&AnyError{Errs: o.errs})
	}
}

// AnyError is the error of a result from [Any] whose inputs all failed.
// errors.Is and errors.As look into every error it holds, as they do for
// errors.Join.
type AnyError struct {
	// Errs holds the error of each input: Errs[i] is the error of the i-th.
	Errs []error
}

// Error returns "ops: all N results failed", followed by one line per error,
// "[i] error".
func (e *AnyError) Error() string {
	var b strings.Builder
	b.WriteString("ops: all ")
	b.WriteString(strconv.Itoa(len(e.Errs)))
	b.WriteString(" results failed")
	for i, err := range e.Errs {
		b.WriteString("\n[")
		b.WriteString(strconv.Itoa(i))
		b.WriteString("] ")
		if err != nil {
			b.WriteString(err.Error())
		}
	}
	return b.String()
}

// Unwrap returns the errors of the inputs, in their order.
func (e *AnyError) Unwrap() []error { return e.Errs }
