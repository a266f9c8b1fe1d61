package bench_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain checks that nothing but the leaks the workload table declares
// (lo.FanIn's forwarding goroutines, which never exit because lo.Async never
// closes its channels) outlives the tests. The two goroutines of ants's
// default pool are started once, by the init of a package that
// github.com/chebyrash/promise imports, and live as long as the process:
// they are no workload's doing.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m,
		goleak.IgnoreAnyFunction("github.com/samber/lo.FanIn[...].func1"),
		goleak.IgnoreAnyFunction("github.com/samber/lo.FanIn[...].func2"),
		goleak.IgnoreTopFunction("github.com/panjf2000/ants/v2.(*Pool).purgeStaleWorkers"),
		goleak.IgnoreTopFunction("github.com/panjf2000/ants/v2.(*Pool).ticktock"),
	)
}
