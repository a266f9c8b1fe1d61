package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/perf/benchfmt"
)

func TestParseName(t *testing.T) {
	tests := []struct {
		name string
		want key
		ok   bool
	}{
		{"BenchmarkW3/N=100/lo-2", key{"W3", 100, "lo"}, true},
		{"BenchmarkW5/N=1/hand-inline-8", key{"W5", 1, "hand-inline"}, true},
		{"BenchmarkW2/N=1000000/goresult", key{"W2", 1_000_000, "goresult"}, true},
		{"BenchmarkOther-2", key{}, false},
		{"BenchmarkW2/size=3/hand-2", key{}, false},
	}
	for _, tt := range tests {
		got, ok := parseName(benchfmt.Name(strings.TrimPrefix(tt.name, "Benchmark")))
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseName(%q) = %v, %v; want %v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{1: "1", 100: "100", 10_000: "10,000", 1_000_000: "1,000,000"} {
		if got := count(n); got != want {
			t.Errorf("count(%d) = %q, want %q", n, got, want)
		}
	}
}

const fixture = `goos: linux
cpu: test
BenchmarkW2/N=100/hand-2   	 100	 1000 ns/op	 0 goroutines-left	 100 goroutines/op	 10 B/op	 1 allocs/op
BenchmarkW2/N=100/hand-2   	 100	 3000 ns/op	 0 goroutines-left	 100 goroutines/op	 10 B/op	 1 allocs/op
BenchmarkW2/N=100/hand-2   	 100	 2000 ns/op	 0 goroutines-left	 100 goroutines/op	 10 B/op	 1 allocs/op
BenchmarkW2/N=100/goresult-2	 100	 2400 ns/op	 0 goroutines-left	 100 goroutines/op	 10 B/op	 1 allocs/op
BenchmarkW3/N=100/lo-2     	 10	 5000 ns/op	 1010 goroutines-left	 201 goroutines/op	 10 B/op	 1 allocs/op
`

func TestSummary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "results.txt")
	if err := os.WriteFile(path, []byte(fixture), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := readResults(path)
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := r.get(key{"W2", 100, "hand"}, unitTime); s.median != 2000 || s.min != 1000 || s.max != 3000 {
		t.Errorf("hand: got median %v min %v max %v, want 2000 1000 3000", s.median, s.min, s.max)
	}
	if x, ok := r.ratio(key{"W2", 100, "goresult"}, "hand"); !ok || x != 1.2 {
		t.Errorf("ratio: got %v, %v; want 1.2, true", x, ok)
	}
	if s, _ := r.get(key{"W3", 100, "lo"}, unitLeft+"/op"); s.median != 101 {
		t.Errorf("lo left/op: got %v, want 101", s.median)
	}
	md := markdown(r, config{count: 3, benchtime: "1s", leakIters: 10})
	for _, want := range []string{"| W2 (wait for all N): goresult within 1.3x of hand-written | N=100 1.20x | **met** |", "W3 N=100 lo (101/op)"} {
		if !strings.Contains(md, want) {
			t.Errorf("RESULTS.md lacks %q", want)
		}
	}
	if svg := chart(r); !strings.HasPrefix(svg, "<svg") || !strings.Contains(svg, ">1.20x<") {
		t.Errorf("chart lacks the goresult bar:\n%s", svg)
	}
}
