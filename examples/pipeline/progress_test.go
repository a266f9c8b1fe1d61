package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// TestProgressInPlace: on a terminal the line is rewritten with \r and the
// final one ends with the only newline.
func TestProgressInPlace(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var p progress
		var w bytes.Buffer
		stop := p.show(t.Context(), &w, time.Second, true)
		p.read.Store(5)
		time.Sleep(2500 * time.Millisecond) // two ticks, on the fake clock
		stop()
		out := w.String()
		if got := strings.Count(out, "\r"); got != 3 || strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, "2.50s\n") {
			t.Errorf("got %q, want three \\r-prefixed lines (two ticks and the final one) and one final newline", out)
		}
	})
}

// TestIsTerminal: only a character device counts; a buffer, a pipe and a
// regular file do not.
func TestIsTerminal(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	file, err := os.CreateTemp(t.TempDir(), "log")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	for name, tc := range map[string]struct {
		w    any
		want bool
	}{
		"buffer": {&bytes.Buffer{}, false},
		"pipe":   {w, false},
		"file":   {file, false},
	} {
		if got := isTerminal(tc.w.(interface{ Write([]byte) (int, error) })); got != tc.want {
			t.Errorf("%s: got %v, want %v", name, got, tc.want)
		}
	}
	if dev, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		defer dev.Close()
		if !isTerminal(dev) {
			t.Errorf("%s: got false, want true: it is a character device", os.DevNull)
		}
	}
}
