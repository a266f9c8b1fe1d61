package ops

import (
	"context"
	"github.com/goresult/goresult/future"
	"slices"

	"github.com/goresult/goresult/internal/ctxerr"
	"github.com/goresult/goresult/stream"
)

// Merge returns a stream of the results in rs as they become done, failed
// ones included: a failure is a value of the stream, not the end of it (read
// each result's Get or Err; each is done when it is yielded). The stream
// ends, returning nil, once every result has been yielded. The order is
// exact: first, in the order of rs, the results already done when the run
// starts watching them; then the others in the order they become done.
//
// Merge copies rs at the call. The stream is cold: nothing is registered
// until it runs, and each run yields every result again. A run blocks, in
// the caller's goroutine, until a result is done; yield is called in that
// goroutine too. A run ends early when yield returns an error
// (stream.ErrStop to stop quietly), returning that error, or when ctx ends,
// returning ctx's error with its cause. Either way its callbacks on the
// results not yet yielded are removed before it returns, and nothing is left
// running. For a channel instead of a stream, see [ResultsToChannel]. Merge
// panics if a result is nil.
func Merge[R future.Doner](rs ...R) stream.Stream[R] {
	checkInputs("Merge", rs)
	rs = slices.Clone(rs)
	return func(ctx context.Context, yield func(R) error) error {
		if err := ctxerr.Of(ctx); err != nil {
			return err
		}
		a := watch(rs)
		defer a.stop()
		var batch []int
		for sent := 0; sent < len(rs); {
			var err error
			if batch, err = a.next(ctx, batch); err != nil {
				return err
			}
			for _, i := range batch {
				if err := yield(rs[i]); err != nil {
					return err
				}
				sent++
			}
			if sent < len(rs) {
				if err := ctxerr.Of(ctx); err != nil {
					return err
				}
			}
		}
		return nil
	}
}
