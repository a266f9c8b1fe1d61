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
// cancels every one that can be cancelled on its own (a [*future.Task]
// started with [future.GoContext] or [future.GoStart], or anything with a
// Cancel(error) method) with the cause [ErrLost]; other results, such as a
// [*future.Future], are left alone.
//
// Any does not block and starts no goroutine for the results of this module;
// it costs O(N) memory. Any of no results fails with [ErrNoResults]. It
// panics, with a "future:" message, if a result is nil.
func Any[T any, R future.Result[T]](rs ...R) future.Result[T] {
	if len(rs) == 0 {
		return future.Failed[T](ErrNoResults)
	}
	out := future.New[T]()
	errs := make([]error, len(rs))
	var failed atomic.Int64
	f := newFan(rs, true)
	f.wire(func(i int) {
		v, err := rs[i].Get()
		if err == nil {
			if f.decide(i, true) {
				out.SetResult(v)
			}
			return
		}
		errs[i] = err
		if failed.Add(1) == int64(len(rs)) && f.decide(-1, false) {
			out.SetError(&AnyError{Errs: errs})
		}
	})
	return out
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
