package future

// Option configures a task started by [Go], [GoContext] or [GoStart].
type Option interface {
	apply(*options)
}

type options struct {
	suppress bool
}

func makeOptions(opts []Option) options {
	var o options
	for _, opt := range opts {
		opt.apply(&o)
	}
	return o
}

type suppressError struct{}

func (suppressError) apply(o *options) { o.suppress = true }

// SuppressError records the task's error in its Task without returning it to
// the group (aioresult's suppress_exception). A panic still reaches the group.
func SuppressError() Option { return suppressError{} }
