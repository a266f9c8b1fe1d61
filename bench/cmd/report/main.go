// Command report runs the benchmarks of the bench module several times,
// summarises them, and writes RESULTS.md and results.svg: for every workload
// and size, each approach's median time, allocations and goroutines, its
// ratio to the hand-written baseline, and whether goresult meets its targets
// (see targets.go).
//
// Run it from the bench directory:
//
//	cd bench && go run ./cmd/report
//
// It compiles the benchmarks once, runs each workload in a process of its
// own (and each approach that leaks goroutines in a process of its own, with
// a fixed iteration count, so that its leaks die with the process), shows a
// progress line on stderr, and keeps the raw output in results.txt, which
// benchstat reads too. With -from it only summarises a results.txt.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

type config struct {
	count     int
	benchtime string
	leakIters int
	full      bool
	only      string
	out       string
	from      string
}

func main() {
	var c config
	flag.IntVar(&c.count, "count", 5, "repetitions of every benchmark")
	flag.StringVar(&c.benchtime, "benchtime", "200ms", "-benchtime of every benchmark")
	flag.IntVar(&c.leakIters, "leakiters", 10, "fixed iterations of the approaches that leak goroutines")
	flag.BoolVar(&c.full, "full", true, "include the N = 1,000,000 sizes")
	flag.StringVar(&c.only, "workloads", "", "run only these workloads (a regexp on W1..W11)")
	flag.StringVar(&c.out, "out", ".", "directory for RESULTS.md, results.svg and results.txt")
	flag.StringVar(&c.from, "from", "", "summarise this raw results file instead of running")
	flag.Parse()
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

func run(c config) error {
	raw := filepath.Join(c.out, "results.txt")
	if c.from == "" {
		start := time.Now()
		if err := runSuite(c, raw); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "benchmarks done in %s\n", time.Since(start).Round(time.Second))
	} else {
		raw = c.from
	}
	res, err := readResults(raw)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(c.out, "RESULTS.md"), []byte(markdown(res, c)), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(c.out, "results.svg"), []byte(chart(res)), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s, %s and %s\n",
		filepath.Join(c.out, "RESULTS.md"), filepath.Join(c.out, "results.svg"), raw)
	return nil
}
