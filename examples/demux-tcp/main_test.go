package main

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// runProgram runs the program in-process and returns its exit status,
// stdout and stderr.
func runProgram(ctx context.Context, args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(ctx, args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// Every reply reaches its own caller, though most come back out of order.
func TestAllAnswered(t *testing.T) {
	code, out, errOut := runProgram(t.Context(), "-n", "500", "-c", "32", "-delay", "2ms")
	if code != 0 || !strings.Contains(out, "ok             500") || strings.Contains(out, "failed") {
		t.Fatalf("run = %d, stdout:\n%s\nstderr:\n%s\nwant 0 and 500 ok", code, out, errOut)
	}
	// stderr is not a terminal: plain progress lines, the last one final.
	if strings.Contains(errOut, "\r") || !strings.HasSuffix(errOut, "\n") ||
		!strings.Contains(errOut, "sent    500/500  ok    500  failed      0") {
		t.Fatalf("stderr = %q, want plain progress lines ending with the final counts", errOut)
	}
}

// The server dropping the connection mid-flight fails every pending call
// with the reason, the callers stop sending, and every request is
// accounted for.
func TestServerKilled(t *testing.T) {
	code, out, _ := runProgram(t.Context(), "-n", "2000", "-c", "64", "-kill-after", "100", "-progress", "0")
	if code != 1 {
		t.Fatalf("run = %d, want 1; stdout:\n%s", code, out)
	}
	line := regexp.MustCompile(`(?m)^(ok|failed|not sent) +(\d+)  (.*)$`)
	total, ok := 0, 0
	for _, m := range line.FindAllStringSubmatch(out, -1) {
		n, _ := strconv.Atoi(m[2])
		total += n
		switch {
		case m[1] == "ok":
			ok = n
		case m[1] == "failed" && !strings.Contains(m[3], "demux: connection lost: "):
			t.Errorf("a failure that does not say the connection was lost: %q", m[0])
		}
	}
	if ok > 100 || total != 2000 || !strings.Contains(out, "failed") {
		t.Fatalf("stdout:\n%s\nwant at most 100 ok, failures, and all 2000 requests accounted for", out)
	}
}

// A deadline far shorter than the server's delays (up to 200ms, so that
// each of the 50 requests is answered within 1ms with a chance of 1 in 200)
// fails the calls with it.
func TestDeadlines(t *testing.T) {
	code, out, _ := runProgram(t.Context(), "-n", "50", "-c", "8", "-delay", "200ms", "-timeout", "1ms", "-progress", "0")
	if code != 1 || !strings.Contains(out, "context deadline exceeded") {
		t.Fatalf("run = %d, stdout:\n%s\nwant 1 and deadline failures", code, out)
	}
}

// Ctrl-C: the calls in flight fail with the cancellation, and nothing is
// left running.
func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	code, out, _ := runProgram(ctx, "-n", "100", "-progress", "0")
	if code != 1 || !strings.Contains(out, "context canceled") {
		t.Fatalf("run = %d, stdout:\n%s\nwant 1 and context canceled", code, out)
	}
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{{"-c", "0"}, {"-n", "-1"}, {"-delay", "-1s"}, {"-kill-after", "-1"}, {"extra"}} {
		if code, _, errOut := runProgram(t.Context(), args...); code != 2 || errOut == "" {
			t.Errorf("run %v = %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
}
