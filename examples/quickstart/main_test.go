package main

import (
	"context"
	"io"
	"strings"
	"testing"
	"testing/synctest"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

const (
	wantCaptured = "1. captured: Task(value=user: ok) Task(value=orders: ok)\n"
	wantError    = `2. group error: fetch billing: service unavailable | unavailable: true
   billing: fetch billing: service unavailable
   reports, cancelled by the group with billing's error as the cause: fetch billing: service unavailable
`
	wantMirror = `3. first mirror: mirror-1: ok
   group error once the losers returned: <nil>
   Task(error=ops: lost the race) | lost: true
   Task(value=mirror-1: ok) | lost: false
   Task(error=ops: lost the race) | lost: true
`
	wantCompleted = `4. as completed:
   Task(value=job-1: ok)
   Task(error=fetch job-2: service unavailable)
   Task(value=job-0: ok)
`
)

// inBubble runs f in a synctest bubble, where the fetches' timers take no
// real time and fire in the order of their durations, and returns what f
// wrote. synctest.Test also fails if f leaves a goroutine behind.
func inBubble(t *testing.T, f func(context.Context, io.Writer) error) string {
	t.Helper()
	var out strings.Builder
	synctest.Test(t, func(t *testing.T) {
		if err := f(t.Context(), &out); err != nil {
			t.Errorf("error %v, want nil", err)
		}
	})
	return out.String()
}

func TestSections(t *testing.T) {
	tests := []struct {
		name    string
		section func(context.Context, io.Writer) error
		want    string
	}{
		{"captured", capturedTasks, wantCaptured},
		{"error", errorPropagates, wantError},
		{"mirror", firstMirror, wantMirror},
		{"completed", asCompleted, wantCompleted},
		{"run", run, wantCaptured + wantError + wantMirror + wantCompleted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := inBubble(t, tt.section); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestAsCompletedNeverPrintsPending checks the completion contract where the
// quickstart relies on it: ResultsToChannel hands out only results that are
// done, so none prints as "Task(pending)". A result handed out while its
// settling goroutine is still running callbacks would; running the section
// many times gives that window a chance to show.
func TestAsCompletedNeverPrintsPending(t *testing.T) {
	for i := range 200 {
		got := inBubble(t, asCompleted)
		if strings.Contains(got, "Task(pending)") {
			t.Fatalf("run %d printed a pending result, handed out before it was done:\n%s", i, got)
		}
		if got != wantCompleted {
			t.Fatalf("run %d got:\n%s\nwant:\n%s", i, got, wantCompleted)
		}
	}
}
