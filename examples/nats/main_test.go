package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestDemoOnAnEmbeddedServer(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	var stdout, stderr bytes.Buffer
	if code := run(ctx, []string{"-n", "500", "-workers", "3"}, &stdout, &stderr); code != 0 {
		t.Fatalf("got exit status %d, want 0; stderr:\n%s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"race:   replica b won with 101",
		"(matches ops.ErrLost: true)",
		"merge:  replica b answered 102",
		"merge:  replica c answered 102",
		"gather: 3 warehouses hold 425 widgets",
		"gather: asking for 4 answers: natsdemux: gather incomplete after 3 of 4 replies: natsdemux: gather stalled",
		"enrich: 500 items by 3 workers",
		"client: 504 completed, 0 failed, 2 cancelled, 2 late replies dropped",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("got stdout\n%s\nwant it to contain %q", out, want)
		}
	}
	if got := stderr.String(); !strings.HasPrefix(got, "\renrich:    500/500") || strings.Count(got, "\r") != 1 {
		t.Errorf("got stderr %q, want a single progress line (stderr is no terminal)", got)
	}
}

func TestBadFlags(t *testing.T) {
	tests := [][]string{{"-workers", "0"}, {"-role", "boss"}, {"-nope"}}
	for _, args := range tests {
		var stdout, stderr bytes.Buffer
		if code := run(t.Context(), args, &stdout, &stderr); code != 2 || stderr.Len() == 0 {
			t.Errorf("%v: got exit status %d and stderr %q, want 2 and a message", args, code, stderr.String())
		}
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	var stdout, stderr bytes.Buffer
	if code := run(ctx, []string{"-n", "100"}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "context canceled") {
		t.Errorf("got exit status %d and stderr %q, want 1 and the cancellation", code, stderr.String())
	}
}
