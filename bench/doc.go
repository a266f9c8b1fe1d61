// Package bench measures goresult beside the code a Go programmer would write
// by hand and beside the libraries people reach for instead: errgroup, conc,
// lo, rxgo, ro, and the generic promise libraries github.com/chebyrash/promise
// (the "promise" column) and github.com/reugn/async (the "async" column).
//
// Each workload ([Workloads]) is a task with a known answer (W1 one task's
// result, W2 wait for all, W3 as completed, W4 race, W5 a map chain, W6
// merging settled results, W7 a Map/Filter/Map stream, W8 a bounded-parallel
// map, W9 one source shared by 4 consumers, W10 a throttle and W11 a
// debounce of a burst), written once per approach in the way that approach's documentation
// suggests. The benchmarks in this module's tests run every approach at every
// size and check every answer; cmd/report runs them repeatedly and writes
// RESULTS.md and results.svg.
//
// This package is its own module, so that the peers never enter goresult's
// go.mod. It is a measuring instrument, not an API: nothing here is meant to
// be imported from outside the module.
package bench
