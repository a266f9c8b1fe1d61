package main

import (
	"bufio"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// eurPerMinorUnit is written here independently of the program's table, in
// other units (euros, floating point): what one minor unit of each region's
// currency is worth. A cent, a penny and a US cent are a hundredth of their
// currency; the yen has no minor unit.
var eurPerMinorUnit = map[string]float64{
	"eu": 1.00 / 100, // 1 EUR = 1 EUR
	"uk": 1.17 / 100, // 1 GBP = 1.17 EUR
	"us": 0.92 / 100, // 1 USD = 0.92 EUR
	"jp": 0.0062 / 1, // 1 JPY = 0.0062 EUR
}

// expectedTotals computes the euro total per region of the kept orders of
// lines with its own parsing, filtering and rates, and the number of orders
// per region.
func expectedTotals(lines []string) (map[string]float64, map[string]int) {
	eur, orders := map[string]float64{}, map[string]int{}
	for _, line := range lines {
		f := strings.Split(line, ",")
		if len(f) != 4 {
			continue
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		_, errID := strconv.Atoi(f[0])
		amount, errAmount := strconv.ParseFloat(f[3], 64)
		rate, known := eurPerMinorUnit[f[2]]
		customer, _ := strconv.Atoi(strings.TrimPrefix(f[1], "c"))
		if errID != nil || errAmount != nil || !known || amount <= 0 || customer%10 == 0 {
			continue // malformed, a refund, or an internal test account
		}
		eur[f[2]] += amount * rate
		orders[f[2]]++
	}
	return eur, orders
}

// printedTotals reads the per-region rows of the program's summary.
func printedTotals(t *testing.T, out string) (map[string]float64, map[string]int) {
	eur, orders := map[string]float64{}, map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var region string
		var n int
		var total float64
		if _, err := fmt.Sscanf(sc.Text(), "%s %d %f", &region, &n, &total); err != nil || region == "all" {
			continue
		}
		eur[region], orders[region] = total, n
	}
	return eur, orders
}

// TestTotalsIndependent checks the program's euro totals against a
// computation written independently here: a rate in the wrong unit (the yen
// once counted 100 times too little) cannot pass. Each order's conversion
// rounds toward zero, to the cent, so a total may be up to a cent per order
// below the exact one.
func TestTotalsIndependent(t *testing.T) {
	tiny := "1,c001,eu,1000\n2,c002,jp,10000\n3,c003,uk,250\n4,c004,us,999\n5,c010,jp,5000\n"
	var synthLines []string
	for l := range synthetic(900, 3) {
		synthLines = append(synthLines, l)
	}
	tests := []struct {
		name  string
		stdin string
		lines []string
		args  []string
	}{
		{"tiny", tiny, strings.Split(strings.TrimSpace(tiny), "\n"), []string{"-in", "-"}},
		{"synthetic", "", synthLines, []string{"-n", "900", "-seed", "3", "-drop-every", "250"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, _ := runBubble(t, false, tc.stdin, append(tc.args, "-progress", "0")...)
			if code != 0 {
				t.Fatalf("run = %d, want 0; stdout:\n%s", code, out)
			}
			gotEUR, gotOrders := printedTotals(t, out)
			wantEUR, wantOrders := expectedTotals(tc.lines)
			regions := slices.Sorted(func(yield func(string) bool) {
				for r := range wantOrders {
					if !yield(r) {
						return
					}
				}
			})
			if len(gotOrders) != len(wantOrders) {
				t.Errorf("got regions %v, want %v", gotOrders, wantOrders)
			}
			for _, r := range regions {
				slack := 0.01*float64(wantOrders[r]) + 0.005
				if gotOrders[r] != wantOrders[r] || math.Abs(gotEUR[r]-wantEUR[r]) > slack {
					t.Errorf("%s: got %d orders, %.2f EUR; want %d, %.2f EUR (within %.2f)",
						r, gotOrders[r], gotEUR[r], wantOrders[r], wantEUR[r], slack)
				}
			}
		})
	}
	// The case of the issue: 10,000 JPY is about 62 EUR.
	if s, err := toEUR(Sale{Record: Record{Region: "jp", Amount: 10_000}}); err != nil || s.EUR != 6200 {
		t.Errorf("10,000 JPY: got %d cents, %v; want 6200 cents (62.00 EUR)", s.EUR, err)
	}
}

// TestConvertFails: an amount too large to convert fails the run, with the
// order named, instead of wrapping around.
func TestConvertFails(t *testing.T) {
	code, out, errOut := runBubble(t, false, "1,c001,eu,1000\n2,c002,uk,9000000000000000000\n", "-in", "-", "-progress", "0")
	if code != 1 || !strings.HasPrefix(out, "PARTIAL") || !strings.Contains(errOut, "order 2: amount 9000000000000000000 too large to convert") {
		t.Errorf("run = %d, stdout:\n%s\nstderr %q; want 1, a PARTIAL summary, the order's error", code, out, errOut)
	}
}
