package main

import (
	"bufio"
	"context"
	"errors"
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

// microEURPerMinorUnit holds the known regions and the value of one minor
// unit of their currency in micro-euros (millionths of a euro), as integers
// so that totals do not depend on the order in which records arrive. The yen
// has no minor unit: its amounts are in yen.
var microEURPerMinorUnit = map[string]int64{
	"eu": 10_000, // euro cent: 0.01 EUR
	"uk": 11_700, // penny: 0.0117 EUR (1 GBP = 1.17 EUR)
	"us": 9_200,  // US cent: 0.0092 EUR (1 USD = 0.92 EUR)
	"jp": 6_200,  // yen: 0.0062 EUR (10,000 JPY = 62 EUR)
}

// microEURPerCent converts micro-euros to euro cents.
const microEURPerCent = 10_000

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
	if _, ok := microEURPerMinorUnit[r.Region]; !ok {
		return Record{}, fmt.Errorf("unknown region %q", r.Region)
	}
	return r, nil
}

// openInput returns the stream of input lines, and a function that closes
// the input file, if any.
func openInput(cfg config, stdin io.Reader) (stream.Stream[string], func(), error) {
	switch cfg.in {
	case "":
		return newFeed(cfg.n, cfg.seed, cfg.dropEvery).lines(), func() {}, nil
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

// errDropped is the error of a feed whose connection dropped.
var errDropped = errors.New("feed: connection dropped")

// feed serves the synthetic order lines as a remote feed would: it drops the
// connection (errDropped) after every dropEvery lines served on one (never,
// if 0), and a new run of its stream, a reconnection, resumes after the last
// line it delivered, so that no line is lost or served twice.
type feed struct {
	rng       *rand.Rand
	next, n   int // the id of the next line, and of the last
	dropEvery int
}

func newFeed(n int, seed uint64, dropEvery int) *feed {
	return &feed{rng: newRand(seed), next: 1, n: n, dropEvery: dropEvery}
}

// lines returns the stream of the feed's lines: each run is a connection.
// Generate checks ctx before each line.
func (f *feed) lines() stream.Stream[string] {
	served := 0 // on this connection
	serve := stream.Generate(func(context.Context) (string, error) {
		switch {
		case f.next > f.n:
			return "", stream.ErrStop // the end of the feed
		case served == f.dropEvery && f.dropEvery > 0:
			return "", errDropped
		}
		served++
		line := syntheticLine(f.rng, f.next)
		f.next++ // delivered, whatever the consumer does with it
		return line, nil
	})
	return func(ctx context.Context, yield func(string) error) error {
		served = 0 // a new connection
		return serve(ctx, yield)
	}
}

// synthetic returns the n order lines a feed made from seed serves: the same
// seed gives the same lines. About one line in 40 is malformed and one order
// in 10 is a refund.
func synthetic(n int, seed uint64) iter.Seq[string] {
	return func(yield func(string) bool) {
		rng := newRand(seed)
		for id := 1; id <= n; id++ {
			if !yield(syntheticLine(rng, id)) {
				return
			}
		}
	}
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x5eed)) }

// regionCodes are the regions of the synthetic data, in a fixed order.
var regionCodes = []string{"eu", "uk", "us", "jp"}

// syntheticLine makes the line of order id.
func syntheticLine(rng *rand.Rand, id int) string {
	customer, region, amount := 1+rng.IntN(50), regionCodes[rng.IntN(len(regionCodes))], 100+rng.IntN(20000)
	switch {
	case rng.IntN(40) == 0:
		return fmt.Sprintf("%d,c%03d,%s", id, customer, region)
	case rng.IntN(10) == 0:
		amount = -amount
	}
	return fmt.Sprintf("%d,c%03d,%s,%d", id, customer, region, amount)
}
