package bench

import (
	"context"
	"sync/atomic"
	"time"
)

// job is the task of W1..W3: it hands back one value. It returns i+1 so that
// a forgotten result (a zero) makes a sum wrong.
func job(i int) int { return i + 1 }

// sumJobs is the answer of W2 and W3: the sum of job(i) for i < n.
func sumJobs(n int) int { return n * (n + 1) / 2 }

// racing counts the W4 task bodies that are running.
var racing atomic.Int64

// Racing reports how many W4 tasks are running: read after a race has
// returned, it shows the losers left running (abandoned, not yet cancelled).
func Racing() int64 { return racing.Load() }

// winnerValue is the value of the task that wins a race of n.
func winnerValue(n int) int { return 1000 + n }

// raceTask is the task of W4: the last of n returns at once, the others wait
// until ctx is cancelled and return its error.
func raceTask(ctx context.Context, i, n int) (int, error) {
	racing.Add(1)
	defer racing.Add(-1)
	if i == n-1 {
		return winnerValue(n), nil
	}
	<-ctx.Done()
	return 0, ctx.Err()
}

// The three stages of W5 and W7.
func stage1(x int) int  { return x * 3 }
func keep(x int) bool   { return x%2 == 0 }
func stage2(x int) int  { return x + 1 }
func stage3(x int) int  { return x - 7 }
func chain(v int) int   { return stage3(stage2(stage1(v))) }
func chainInput() int   { return 11 }
func chainWant(int) int { return chain(chainInput()) }

// ints returns 0..n-1.
func ints(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// streamWant is the answer of W7: the sum of stage2(stage1(x)) over the x < n
// whose stage1(x) is kept.
func streamWant(n int) int {
	sum := 0
	for x := range n {
		if y := stage1(x); keep(y) {
			sum += stage2(y)
		}
	}
	return sum
}

// workTime is how long the function of W8 works on each item.
const workTime = 10 * time.Microsecond

// work is the function of W8: it keeps a CPU busy for workTime, as a small
// piece of real work (parsing, hashing) would, and returns 2x.
func work(x int) int {
	start := time.Now()
	for time.Since(start) < workTime {
	}
	return 2 * x
}

// parallelWant is the answer of W8: the sum of work(x) for x < n.
func parallelWant(n int) int { return n * (n - 1) }
