package bench

import (
	"context"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

// waitAllHow says how waitAllSum waits.
const waitAllHow = "ops.WaitAll, then Get each"

// waitAllSum waits for every result with ops.WaitAll and sums their values.
func waitAllSum[R future.Result[int]](ctx context.Context, rs []R) int {
	if ops.WaitAll(ctx, rs...) != nil {
		return -1
	}
	return sumResults(rs)
}
