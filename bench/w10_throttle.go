package bench

import (
	"time"

	"github.com/samber/ro"
)

// throttleWindow is the window of W10: longer than any burst, so only the
// first value of the burst comes through.
const throttleWindow = 2 * time.Second

// started is about when the process started. ro.ThrottleTime drops every
// value until the process has been up for its window (its clock starts at
// the process's start, and its last pass at 0), so W10's ro column waits for
// that, untimed, before its first run.
var started = time.Now()

// w10 throttles a burst of N ints (at most one value every 2s) and counts the
// values that come through: the cost per dropped event. rxgo has no
// throttle operator.
func w10() Workload {
	return Workload{
		ID: "W10", Title: "Throttle a burst of N ints",
		Sizes: []int{1_000_000}, Short: 1000, Baseline: "hand",
		Want: func(int) int { return 1 },
		Approaches: append([]Approach{
			{Name: "hand", How: "a loop comparing time.Now with the end of the window", Prepare: w10Hand},
			{Name: "ro", How: "ro.Pipe1(ro.FromSlice(s), ro.ThrottleTime(2s)), ro.Collect (after the process has been up for 2s: ro drops every value before)", Prepare: w10Ro},
		}, goresultThrottle()...),
	}
}

func w10Hand(n int) Op {
	in := ints(n)
	return func() int {
		passed := 0
		var until time.Time
		for range in {
			if now := time.Now(); now.After(until) {
				until = now.Add(throttleWindow)
				passed++
			}
		}
		return passed
	}
}

func w10Ro(n int) Op {
	in := ints(n)
	time.Sleep(time.Until(started.Add(throttleWindow + 10*time.Millisecond)))
	return func() int {
		vs, err := ro.Collect(ro.Pipe1(ro.FromSlice(in), ro.ThrottleTime[int](throttleWindow)))
		if err != nil {
			return -1
		}
		return len(vs)
	}
}
