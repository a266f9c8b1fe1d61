package ops

import (
	"context"

	"github.com/goresult/goresult/stream"
)

// Merge returns a stream of the results in rs in the order they settle,
// failed ones included: a failure is a value of the stream, not the end of
// it (read each result's Get or Err). The stream ends, returning nil, once
// every result has been yielded. Results settled before the stream runs come
// first, in the order of rs.
//
// The stream is cold: nothing is registered until it runs, and each run
// yields every result again. A run blocks, in the caller's goroutine, until a
// result settles; yield is called in that goroutine too. A run ends early when
// yield returns an error (stream.ErrStop to stop quietly), returning that
// error, or when ctx ends, returning ctx.Err(). Either way its callbacks on
// the results not yet yielded are removed before it returns, and nothing is
// left running. It starts no goroutine for the results of this module.
//
// For a channel instead of a stream, see [ResultsToChannel]. Running the
// stream panics, with a "future:" message, if a result is nil.
func Merge[R doner](rs ...R) stream.Stream[R] {
	return func(ctx context.Context, yield func(R) error) error {
		if err := ctx.Err(); err != nil {
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
				if err := ctx.Err(); err != nil {
					return err
				}
			}
		}
		return nil
	}
}
