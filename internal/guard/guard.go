// Package guard calls the functions users give to goresult's operators so
// that no panic and no runtime.Goexit in them passes unseen: a panic becomes
// a *future.PanicError, and Goexit settles what the function would have
// settled, with future.ErrGoexit, before the goroutine goes on exiting.
// (Package future, which cannot import this one, does the same for tasks.)
package guard

import "github.com/goresult/goresult/future"

// Call returns fn(v). A panic in fn is recovered and returned as a
// *future.PanicError. If fn calls runtime.Goexit, Call calls goexit (if not
// nil) with future.ErrGoexit, and the goroutine then goes on exiting.
func Call[T, U any](fn func(T) (U, error), v T, goexit func(error)) (u U, err error) {
	returned := false
	defer func() {
		if returned {
			return
		}
		if p := recover(); p != nil {
			err = future.NewPanicError(p)
			return
		}
		if goexit != nil {
			goexit(future.ErrGoexit)
		}
	}()
	u, err = fn(v)
	returned = true
	return u, err
}
