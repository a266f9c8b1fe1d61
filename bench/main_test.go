package bench_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain checks that nothing but the leaks the workload table declares
// (lo.FanIn's forwarding goroutines, which never exit because lo.Async never
// closes its channels) outlives the tests.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m,
		goleak.IgnoreAnyFunction("github.com/samber/lo.FanIn[...].func1"),
		goleak.IgnoreAnyFunction("github.com/samber/lo.FanIn[...].func2"),
	)
}
