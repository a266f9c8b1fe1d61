package main

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// runBubble runs the program in a synctest bubble, where its timers take no
// real time, with a context that ends after stopAfter (never if 0), as
// Ctrl-C would end it. synctest.Test also fails if run leaves a goroutine
// behind.
func runBubble(t *testing.T, stopAfter time.Duration, args ...string) (int, string, string) {
	t.Helper()
	var code int
	var stdout, stderr bytes.Buffer
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		if stopAfter > 0 {
			ctx, cancel = context.WithTimeout(ctx, stopAfter)
		}
		defer cancel()
		code = run(ctx, args, &stdout, &stderr)
	})
	return code, stdout.String(), stderr.String()
}

var (
	batchLine  = regexp.MustCompile(`(?m)^ *[0-9.]+s +([0-9]+) events?: `)
	statusLine = regexp.MustCompile(`(?m)^ *([0-9.]+)s +status: sensor-[ab] [0-9.]+°C$`)
	totalLine  = regexp.MustCompile(`(?m)^handled ([0-9]+) events? in ([0-9]+) batch(?:es)?: ([0-9]+) heartbeats?, ([0-9]+) readings?, ([0-9]+) actions?; dropped ([0-9]+) implausible readings?$`)
)

// totals reads the program's output: the events of each batch line, and the
// numbers of the final count.
func totals(t *testing.T, out string) (perBatch []int, handled, batches, heartbeats, readings, actions, dropped int) {
	t.Helper()
	for _, m := range batchLine.FindAllStringSubmatch(out, -1) {
		n, _ := strconv.Atoi(m[1])
		perBatch = append(perBatch, n)
	}
	m := totalLine.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no final count in the output:\n%s", out)
	}
	var n [6]int
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	return perBatch, n[0], n[1], n[2], n[3], n[4], n[5]
}

// statusTimes returns the times of the status lines.
func statusTimes(out string) []string {
	var ts []string
	for _, m := range statusLine.FindAllStringSubmatch(out, -1) {
		ts = append(ts, m[1])
	}
	return ts
}

// TestStops runs the program until -duration or an early end of its
// context, and checks that every event the sources produced was handled
// (none lost in a last, unfinished batch), and that the status lines came
// at most once a second: the first reading at once, then the latest one
// each second, and the one held when the sources stopped. In the bubble the
// two sensors produce exactly one reading every 40ms and 70ms, and the
// heartbeat ticks every 500ms.
func TestStops(t *testing.T) {
	tests := []struct {
		name          string
		stopAfter     time.Duration
		args          []string
		wantHeartbeat int
		wantReadings  int // readings and dropped ones
		wantStopped   string
		wantStatus    []string // times of the status lines
	}{
		{"duration", 0, []string{"-duration", "1900ms"}, 3, 1900/40 + 1900/70, "1.9s elapsed", []string{"0.04", "1.04", "1.90"}},
		{"interrupted", 650 * time.Millisecond, nil, 1, 650/40 + 650/70, "context deadline exceeded", []string{"0.04", "0.65"}},
		{"batches of one", 0, []string{"-duration", "300ms", "-batch", "1"}, 0, 300/40 + 300/70, "300ms elapsed", []string{"0.04", "0.30"}},
		{"status every 100ms", 0, []string{"-duration", "300ms", "-status", "100ms"}, 0, 300/40 + 300/70, "300ms elapsed",
			[]string{"0.04", "0.14", "0.24", "0.30"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runBubble(t, tt.stopAfter, tt.args...)
			if code != 0 || errOut != "" {
				t.Fatalf("run = %d, stderr %q; want 0, no stderr", code, errOut)
			}
			perBatch, handled, batches, heartbeats, readings, actions, dropped := totals(t, out)
			if sum(perBatch) != handled || len(perBatch) != batches || heartbeats+readings+actions != handled {
				t.Errorf("batch lines %v, final count %d events in %d batches (%d+%d+%d): they do not add up\n%s",
					perBatch, handled, batches, heartbeats, readings, actions, out)
			}
			if heartbeats != tt.wantHeartbeat || readings+dropped != tt.wantReadings {
				t.Errorf("got %d heartbeats, %d readings and dropped ones; want %d, %d", heartbeats, readings+dropped, tt.wantHeartbeat, tt.wantReadings)
			}
			if got := statusTimes(out); !slices.Equal(got, tt.wantStatus) {
				t.Errorf("status lines at %v, want at %v\n%s", got, tt.wantStatus, out)
			}
			if want := "stopped: " + tt.wantStopped + "\n"; !strings.HasSuffix(out, want) {
				t.Errorf("output ends %q, want %q", out[max(0, len(out)-40):], want)
			}
		})
	}
}

func sum(xs []int) (n int) {
	for _, x := range xs {
		n += x
	}
	return n
}

func TestBadArguments(t *testing.T) {
	tests := []struct {
		args     []string
		wantCode int
		wantErr  string
	}{
		{[]string{"-duration", "0"}, 2, "-duration must be positive"},
		{[]string{"-heartbeat", "-1s"}, 2, "-heartbeat must be positive"},
		{[]string{"-window", "0"}, 2, "-window must be positive"},
		{[]string{"-batch", "0"}, 2, "-batch must be at least 1"},
		{[]string{"-status", "0s"}, 2, "-status must be positive"},
		{[]string{"-duration", "soon"}, 2, `invalid value "soon" for flag -duration`},
		{[]string{"now"}, 2, `unexpected argument "now"`},
		{[]string{"-h"}, 0, "Usage of events"},
	}
	for _, tt := range tests {
		code, out, errOut := runBubble(t, 0, tt.args...)
		if code != tt.wantCode || out != "" || !strings.Contains(errOut, tt.wantErr) {
			t.Errorf("run %q = %d, stdout %q, stderr %q; want %d, no stdout, stderr containing %q",
				tt.args, code, out, errOut, tt.wantCode, tt.wantErr)
		}
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		noun string
		want string
	}{
		{0, "event", "0 events"}, {1, "event", "1 event"}, {2, "batch", "2 batches"}, {1, "batch", "1 batch"},
	}
	for _, tt := range tests {
		if got := count(tt.n, tt.noun); got != tt.want {
			t.Errorf("count(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
	}
}
