package stream_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/goresult/goresult/stream"
)

// windows is the model of Window: every full window of xs by n and step.
func windows(xs []int, n, step int) [][]int {
	var out [][]int
	for i := 0; i+n <= len(xs); i += step {
		out = append(out, xs[i:i+n])
	}
	return out
}

func TestWindow(t *testing.T) {
	xs := []int{1, 2, 3, 4, 5, 6, 7}
	for _, n := range []int{1, 2, 3, 7, 8} {
		for _, step := range []int{1, 2, 3, 5} {
			t.Run(fmt.Sprintf("n=%d,step=%d", n, step), func(t *testing.T) {
				got, err := stream.Window(stream.FromSlice(xs), n, step).Collect(t.Context())
				want := windows(xs, n, step)
				if err != nil || !slices.EqualFunc(got, want, slices.Equal) {
					t.Errorf("got %v, %v; want %v, nil", got, err, want)
				}
			})
		}
	}
}

// TestWindowOwned: each window is the receiver's, untouched by the next.
func TestWindowOwned(t *testing.T) {
	got, _ := stream.Window(upTo(4), 2, 1).Collect(t.Context())
	got[0][0] = 100
	if want := [][]int{{100, 2}, {2, 3}, {3, 4}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("got %v, want %v", got, want)
	}
	big, _ := stream.Window(upTo(3), 1e10, 1).Collect(t.Context())
	if len(big) != 0 {
		t.Errorf("Window of 3 values by 1e10: got %v, want none", big)
	}
}
