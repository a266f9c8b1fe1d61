package natsdemux

import "context"

// Remote returns a function that sends its argument as a request on the
// endpoint e and waits for the reply: the function stream.ParallelMap
// takes, so a pipeline stage runs on the workers of e's subject, n
// requests in flight. The function blocks until the reply comes or ctx
// ends; then the request is cancelled (its worker told) and it returns an
// error matching ctx's error and its cause. It panics if e is nil.
func Remote[T, R any](e *Endpoint[T, R]) func(context.Context, T) (R, error) {
	if e == nil {
		panic("natsdemux: Remote of a nil Endpoint")
	}
	return func(ctx context.Context, v T) (R, error) {
		call := e.Request(ctx, v)
		if r, err := call.Await(ctx); err == nil || call.IsDone() {
			return r, err
		}
		call.Cancel(context.Cause(ctx)) // settles it now, if ctx's own watch has not yet
		return call.Get()
	}
}
