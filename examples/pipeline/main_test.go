package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/synctest"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// runBubble runs the program in a synctest bubble, where the enrichment's
// sleeps and the progress ticker take no real time, and returns its exit
// status, stdout and stderr. synctest.Test also fails if run leaves a
// goroutine behind. With cancelled, run's context has ended before it starts.
func runBubble(t *testing.T, cancelled bool, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var code int
	var stdout, stderr bytes.Buffer
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context()) // made in the bubble
		if cancelled {
			cancel()
		}
		code = run(ctx, args, strings.NewReader(stdin), &stdout, &stderr)
		cancel()
	})
	return code, stdout.String(), stderr.String()
}

func TestTinyInput(t *testing.T) {
	in := "1,c001,eu,1000\n2,c002,us,-500\nnot a record\n\n3,c010,uk,100\n4,c003,jp,10000\n5, c004 , us , 250\n"
	code, out, errOut := runBubble(t, false, in, "-in", "-", "-batch", "2", "-progress", "0")
	want := `records: 6 read, 1 malformed, 2 filtered out, 3 kept in 2 batches
region   orders      total EUR
eu            1          10.00
jp            1          62.00
us            1           2.30
all           3          74.30
`
	if code != 0 || out != want || errOut != "" {
		t.Errorf("run = %d, stdout:\n%s\nstderr: %q\nwant 0, stdout:\n%s\nstderr: \"\"", code, out, errOut, want)
	}
}

// TestSynthetic checks the concurrent pipeline, over a feed that drops its
// connection every 100 lines, against the same stages run one record at a
// time in a plain loop over the same lines.
func TestSynthetic(t *testing.T) {
	code, out, errOut := runBubble(t, false, "", "-n", "700", "-seed", "7", "-workers", "3", "-batch", "64", "-drop-every", "100")
	if want := sequential(t, 700, 7, 64); code != 0 || out != want {
		t.Errorf("run = %d, stdout:\n%s\nwant 0, stdout:\n%s", code, out, want)
	}
	// stderr is not a terminal: plain progress lines, the last with the
	// final counts (700 lines in 7 connections: 6 reconnections).
	lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
	for _, l := range lines {
		if !strings.HasPrefix(l, "read ") || !strings.HasSuffix(l, "s") || strings.Contains(l, "\r") {
			t.Errorf("stderr line %q, want a plain progress line", l)
		}
	}
	if last := lines[len(lines)-1]; !strings.Contains(last, "read    700") || !strings.Contains(last, "reconnects   6") {
		t.Errorf("last progress line %q, want 700 read and 6 reconnects", last)
	}
}

// sequential is the reference: the pipeline's stages in a for loop.
func sequential(t *testing.T, n int, seed uint64, batch int) string {
	var p progress
	var sales []Sale
	for line := range synthetic(n, seed) {
		p.read.Add(1)
		r, err := parseLine(line)
		if err != nil {
			p.malformed.Add(1)
			continue
		}
		s, _ := enrich(0)(t.Context(), r)
		if s.Amount <= 0 || s.Segment == "internal" {
			p.filtered.Add(1)
			continue
		}
		if s, err = toEUR(s); err != nil {
			t.Fatal(err)
		}
		sales = append(sales, s)
	}
	p.kept.Store(int64(len(sales)))
	p.batches.Store(int64((len(sales) + batch - 1) / batch))
	sum := newSummary()
	sum.add(sales)
	var b bytes.Buffer
	sum.print(&b, &p, false)
	return b.String()
}

func TestStopped(t *testing.T) {
	tests := []struct {
		name      string
		cancelled bool
		args      []string
		wantErr   string
	}{
		{"timeout", false, []string{"-timeout", "50ms"}, "pipeline: stopped: context deadline exceeded: timeout of 50ms reached\n"},
		{"cancelled", true, nil, "pipeline: stopped: context canceled\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runBubble(t, tt.cancelled, "", append(tt.args, "-progress", "0")...)
			if code != 1 || !strings.HasPrefix(out, "PARTIAL") || errOut != tt.wantErr {
				t.Errorf("run = %d, stdout:\n%s\nstderr: %q\nwant 1, a PARTIAL summary, stderr %q", code, out, errOut, tt.wantErr)
			}
		})
	}
}

func TestBadArguments(t *testing.T) {
	tests := []struct {
		args     []string
		wantCode int
		wantErr  string
	}{
		{[]string{"-workers", "0"}, 2, "-workers must be at least 1"},
		{[]string{"-batch", "-1"}, 2, "-batch must be at least 1"},
		{[]string{"-n", "-5"}, 2, "-n must not be negative"},
		{[]string{"-timeout", "-1s"}, 2, "-timeout must not be negative"},
		{[]string{"-drop-every", "-1"}, 2, "-drop-every must not be negative"},
		{[]string{"-workers", "many"}, 2, `invalid value "many" for flag -workers`},
		{[]string{"-nope"}, 2, "flag provided but not defined: -nope"},
		{[]string{"extra"}, 2, `unexpected argument "extra"`},
		{[]string{"-in", "/no/such/file"}, 1, "no such file"},
		{[]string{"-h"}, 0, "Usage of pipeline"},
	}
	for _, tt := range tests {
		code, out, errOut := runBubble(t, false, "", tt.args...)
		if code != tt.wantCode || out != "" || !strings.Contains(errOut, tt.wantErr) {
			t.Errorf("run %q = %d, stdout %q, stderr %q; want %d, no stdout, stderr containing %q",
				tt.args, code, out, errOut, tt.wantCode, tt.wantErr)
		}
	}
}
