package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/goresult/goresult/bench"
)

// job is one run of the test binary.
type job struct {
	bench string // -test.bench pattern
	time  string // -test.benchtime
	runs  int    // result lines it will print
}

// plan lists the runs: one per workload for the approaches that do not
// leak, and one per leaking approach and size.
func plan(c config) ([]job, error) {
	var only *regexp.Regexp
	if c.only != "" {
		var err error
		if only, err = regexp.Compile(c.only); err != nil {
			return nil, err
		}
	}
	var jobs []job
	for _, w := range bench.Workloads() {
		if only != nil && !only.MatchString(w.ID) {
			continue
		}
		sizes := w.Sizes
		if c.full {
			sizes = append(sizes[:len(sizes):len(sizes)], w.Huge...)
		}
		main := job{bench: "^Benchmark" + w.ID + "$", time: c.benchtime}
		for _, a := range w.Approaches {
			if !a.Leaks {
				main.runs += len(sizes) * c.count
				continue
			}
			for _, n := range sizes {
				if n <= bench.LeakLimit {
					jobs = append(jobs, job{
						bench: fmt.Sprintf("^Benchmark%s$/^N=%d$/^%s$", w.ID, n, regexp.QuoteMeta(a.Name)),
						time:  fmt.Sprintf("%dx", c.leakIters),
						runs:  c.count,
					})
				}
			}
		}
		jobs = append(jobs, main)
	}
	return jobs, nil
}

// runSuite compiles the benchmarks, runs the plan, and writes the raw output
// to raw.
func runSuite(c config, raw string) error {
	jobs, err := plan(c)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "goresult-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "bench.test")
	fmt.Fprintln(os.Stderr, "compiling the benchmarks...")
	build := exec.Command("go", "test", "-c", "-o", bin, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("go test -c: %w", err)
	}
	f, err := os.Create(raw)
	if err != nil {
		return err
	}
	defer f.Close()
	p := &progress{start: time.Now()}
	for _, j := range jobs {
		p.total += j.runs
	}
	for i, j := range jobs {
		if err := runJob(c, bin, j, f, p, i == 0); err != nil {
			return err
		}
	}
	p.finish()
	return f.Close()
}

// runJob runs one job, copying the result lines (and, for the first job,
// the header naming the machine) to out.
func runJob(c config, bin string, j job, out io.Writer, p *progress, header bool) error {
	cmd := exec.Command(bin, "-test.run=^$", "-test.bench="+j.bench, "-test.benchmem",
		fmt.Sprintf("-test.count=%d", c.count), "-test.benchtime="+j.time)
	cmd.Env = os.Environ()
	if c.full {
		cmd.Env = append(cmd.Env, bench.FullEnv+"=1")
	}
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	var failed []string
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "Benchmark") && strings.Contains(line, "ns/op"):
			fmt.Fprintln(out, line)
			p.step(line)
		case header && isHeader(line):
			fmt.Fprintln(out, line)
		case strings.Contains(line, "FAIL") || strings.Contains(line, "--- "):
			failed = append(failed, line)
		case strings.HasPrefix(line, "    "): // a failure's message
			failed = append(failed, line)
		}
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("%s: %w\n%s", j.bench, err, strings.Join(failed, "\n"))
	}
	return nil
}

func isHeader(line string) bool {
	for _, k := range []string{"goos:", "goarch:", "pkg:", "cpu:"} {
		if strings.HasPrefix(line, k) {
			return true
		}
	}
	return false
}

// progress draws one line on stderr: results so far, the last one, and the
// elapsed time.
type progress struct {
	start       time.Time
	done, total int
}

func (p *progress) step(line string) {
	p.done++
	name, _, _ := strings.Cut(line, "\t")
	fmt.Fprintf(os.Stderr, "\r\033[K[%d/%d] %s  %s elapsed", p.done, p.total,
		strings.TrimSpace(name), time.Since(p.start).Round(time.Second))
}

func (p *progress) finish() { fmt.Fprintln(os.Stderr) }
