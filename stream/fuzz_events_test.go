package stream_test

import (
	"context"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/samber/lo"

	"github.com/goresult/goresult/stream"
)

// lastOf is the model of an operator that keeps only the last value of an
// instant burst.
func lastOf(xs []int) []int {
	if len(xs) == 0 {
		return nil
	}
	return xs[len(xs)-1:]
}

// eventStepFor decodes an operator of time, draining, grouping or sharing
// and its parameter k. On the fake clock of a bubble every value of a chain
// arrives at one instant (a burst), which gives each of them a slice model.
func eventStepFor(op, k byte) step {
	d := time.Duration(k%8+1) * ms
	id := func(xs []int) []int { return xs }
	switch op % 10 {
	case 0:
		return step{func(s stream.Stream[int]) stream.Stream[int] { return s.TakeUntil(context.Background()) }, id}
	case 1:
		return step{func(s stream.Stream[int]) stream.Stream[int] { return s.Timeout(time.Hour) }, id} // longer than any Delay
	case 2:
		return step{func(s stream.Stream[int]) stream.Stream[int] { return s.Delay(d) }, id}
	case 3:
		return step{func(s stream.Stream[int]) stream.Stream[int] {
			return stream.Share(s, 1, int(k%4)+1, stream.Backpressure).Stream()
		}, id}
	case 4: // one group: the order is kept
		return step{func(s stream.Stream[int]) stream.Stream[int] {
			return stream.GroupBy(s, func(int) bool { return true }, 1, int(k%4)+1,
				func(_ bool, sub stream.Stream[int]) stream.Stream[int] { return sub })
		}, id}
	case 5:
		return step{func(s stream.Stream[int]) stream.Stream[int] { return s.Debounce(d) }, lastOf}
	case 6:
		return step{func(s stream.Stream[int]) stream.Stream[int] { return s.Sample(d) }, lastOf}
	case 7:
		return step{func(s stream.Stream[int]) stream.Stream[int] { return s.Throttle(d, stream.Leading) },
			func(xs []int) []int { return xs[:min(1, len(xs))] }}
	case 8:
		return step{func(s stream.Stream[int]) stream.Stream[int] { return s.Throttle(d, stream.Leading|stream.Trailing) },
			func(xs []int) []int {
				if len(xs) < 2 {
					return xs
				}
				return []int{xs[0], xs[len(xs)-1]}
			}}
	default:
		return step{func(s stream.Stream[int]) stream.Stream[int] { return stream.Map(stream.WindowTime(s, d, d), sum) },
			func(xs []int) []int {
				if len(xs) == 0 {
					return nil
				}
				return []int{sum(xs)}
			}}
	}
}

// FuzzChainEvents runs a random chain mixing the operators of FuzzChain with
// those of time, draining, grouping and sharing, in a synctest bubble, and
// compares the result with the chain applied to a slice.
func FuzzChainEvents(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9}, []byte{0, 3, 1, 0, 15, 2})
	f.Add([]byte{5, 5, 1, 5, 2}, []byte{3, 0, 6, 0, 7, 2, 13, 1})
	f.Add([]byte{}, []byte{11, 1, 19, 2})
	f.Add([]byte{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, []byte{5, 2, 10, 3, 9, 5, 12, 4, 17, 1})
	f.Add([]byte{3, 1, 4, 1, 5}, []byte{14, 2, 18, 0, 16, 3, 0, 1})
	f.Fuzz(func(t *testing.T, input, ops []byte) {
		if len(ops) > 20 {
			ops = ops[:20]
		}
		xs := lo.Map(input, func(b byte, _ int) int { return int(b) })
		synctest.Test(t, func(t *testing.T) {
			s, want := stream.FromSlice(xs), slices.Clone(xs)
			for i := 0; i+1 < len(ops); i += 2 {
				st := stepFor(ops[i]/2, ops[i+1])
				if ops[i]%2 == 1 {
					st = eventStepFor(ops[i]/2, ops[i+1])
				}
				s, want = st.stream(s), st.slice(want)
			}
			got, err := s.Collect(t.Context())
			if err != nil {
				t.Fatalf("Collect: %v", err)
			}
			if (len(got) != 0 || len(want) != 0) && !slices.Equal(got, want) {
				t.Errorf("ops %v over %v: got %v, want %v", ops, xs, got, want)
			}
		})
	})
}
