package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"iter"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"

	"github.com/goresult/goresult/stream"
)

// Record is one order as read from the input.
type Record struct {
	ID       int
	Customer string
	Region   string
	Amount   int64 // in the region's minor currency unit; negative for a refund
}

// regions are the known regions, with their currency's value in
// micro-euros per minor unit (integers, so totals do not depend on the
// order in which records arrive).
var regions = map[string]int64{
	"eu": 1_000_000, // euro cent
	"uk": 1_170_000, // penny
	"us": 920_000,   // US cent
	"jp": 6_200,     // yen
}

// parseLine parses "id,customer,region,amount".
func parseLine(line string) (Record, error) {
	f := strings.Split(line, ",")
	if len(f) != 4 {
		return Record{}, fmt.Errorf("want 4 comma-separated fields, got %d", len(f))
	}
	id, err := strconv.Atoi(strings.TrimSpace(f[0]))
	if err != nil {
		return Record{}, fmt.Errorf("id: %w", err)
	}
	amount, err := strconv.ParseInt(strings.TrimSpace(f[3]), 10, 64)
	if err != nil {
		return Record{}, fmt.Errorf("amount: %w", err)
	}
	r := Record{ID: id, Customer: strings.TrimSpace(f[1]), Region: strings.TrimSpace(f[2]), Amount: amount}
	if _, ok := regions[r.Region]; !ok {
		return Record{}, fmt.Errorf("unknown region %q", r.Region)
	}
	return r, nil
}

// openInput returns the stream of input lines, and a function that closes
// the input file, if any.
func openInput(cfg config, stdin io.Reader) (stream.Stream[string], func(), error) {
	switch cfg.in {
	case "":
		return stream.FromSeq(synthetic(cfg.n, cfg.seed)), func() {}, nil
	case "-":
		return readLines(stdin), func() {}, nil
	}
	f, err := os.Open(cfg.in)
	if err != nil {
		return nil, nil, err
	}
	return readLines(f), func() { f.Close() }, nil
}

// readLines returns a stream of the lines of r. It is a stream of events read
// one at a time, so it is built with Generate. It can be run only once: the
// lines it reads are gone.
func readLines(r io.Reader) stream.Stream[string] {
	sc := bufio.NewScanner(r)
	return stream.Generate(func(context.Context) (string, error) {
		if sc.Scan() {
			return sc.Text(), nil
		}
		if err := sc.Err(); err != nil {
			return "", fmt.Errorf("read input: %w", err)
		}
		return "", stream.ErrStop // end of input: a normal end
	})
}

// synthetic returns n order lines made from seed: the same seed gives the
// same lines. About one line in 40 is malformed and one order in 10 is a
// refund.
func synthetic(n int, seed uint64) iter.Seq[string] {
	return func(yield func(string) bool) {
		rng := rand.New(rand.NewPCG(seed, 0x5eed))
		codes := []string{"eu", "uk", "us", "jp"}
		for id := 1; id <= n; id++ {
			if !yield(syntheticLine(rng, id, codes)) {
				return
			}
		}
	}
}

// syntheticLine makes the line of order id.
func syntheticLine(rng *rand.Rand, id int, codes []string) string {
	customer, region, amount := 1+rng.IntN(50), codes[rng.IntN(len(codes))], 100+rng.IntN(20000)
	switch {
	case rng.IntN(40) == 0:
		return fmt.Sprintf("%d,c%03d,%s", id, customer, region)
	case rng.IntN(10) == 0:
		amount = -amount
	}
	return fmt.Sprintf("%d,c%03d,%s,%d", id, customer, region, amount)
}
