package stream

import "github.com/goresult/goresult/future"

// stage tracks whether an operator is inside its downstream yield, so that
// its deferred recover turns into an error only the panics of its own user
// function and of its upstream. A panic raised downstream (a sink's function,
// or the body of a range loop over Seq2) goes on unwinding to the frame that
// owns it: a range loop must see its own panic, not a swallowed one.
//
// Setting a flag around each yield costs two stores per value; a recover per
// value would cost a deferred call per value.
type stage struct{ down bool }

// recover, deferred at the top of a stream function, stores a panic that did
// not come from downstream into *err.
func (st *stage) recover(err *error) {
	if st.down {
		return
	}
	if p := recover(); p != nil {
		*err = future.NewPanicError(p)
	}
}

// yieldDown calls the downstream yield, marking the stage as inside it.
func yieldDown[T any](st *stage, yield func(T) error, v T) error {
	st.down = true
	err := yield(v)
	st.down = false
	return err
}

// catch, deferred, stores any panic into *err. It is for sinks, which have
// no downstream to leave a panic to.
func catch(err *error) {
	if p := recover(); p != nil {
		*err = future.NewPanicError(p)
	}
}

// mustStream panics if s is nil, naming the function op that received it.
func mustStream[T any](s Stream[T], op string) {
	if s == nil {
		panic("stream: " + op + " with a nil stream")
	}
}
