package stream_test

import (
	"context"
	"slices"
	"testing"

	"github.com/samber/lo"

	"github.com/goresult/goresult/stream"
)

// step is one operator of a fuzzed chain, applied both to a stream and to a
// slice (the reference model).
type step struct {
	stream func(stream.Stream[int]) stream.Stream[int]
	slice  func([]int) []int
}

// stepFor decodes an operator and its parameter k (0..255).
func stepFor(op, k byte) step {
	n := int(k % 8)
	switch op % 18 {
	case 0:
		add := func(v int) int { return v + n }
		return step{func(s stream.Stream[int]) stream.Stream[int] { return stream.Map(s, add) },
			func(xs []int) []int { return lo.Map(xs, func(v int, _ int) int { return add(v) }) }}
	case 1:
		keep := func(v int) bool { return v%(n+2) != 0 }
		return step{func(s stream.Stream[int]) stream.Stream[int] { return s.Filter(keep) },
			func(xs []int) []int { return lo.Filter(xs, func(v int, _ int) bool { return keep(v) }) }}
	case 2:
		return step{func(s stream.Stream[int]) stream.Stream[int] { return s.Take(n) },
			func(xs []int) []int { return xs[:min(n, len(xs))] }}
	case 3:
		return step{func(s stream.Stream[int]) stream.Stream[int] { return s.Skip(n) },
			func(xs []int) []int { return lo.Drop(xs, n) }}
	case 4:
		keep := func(v int) bool { return v%16 != n }
		return step{func(s stream.Stream[int]) stream.Stream[int] { return s.TakeWhile(keep) },
			func(xs []int) []int {
				if i := slices.IndexFunc(xs, func(v int) bool { return !keep(v) }); i >= 0 {
					return xs[:i]
				}
				return xs
			}}
	case 5:
		return step{stream.Distinct[int], lo.Uniq[int, []int]}
	case 6:
		return step{func(s stream.Stream[int]) stream.Stream[int] {
			return stream.Scan(s, 0, func(a, v int) int { return (a + v) % 1000 })
		}, func(xs []int) []int {
			out, a := make([]int, len(xs)), 0
			for i, v := range xs {
				a = (a + v) % 1000
				out[i] = a
			}
			return out
		}}
	case 7:
		return step{func(s stream.Stream[int]) stream.Stream[int] { return stream.Map(stream.Batch(s, n+1), sum) },
			func(xs []int) []int { return lo.Map(lo.Chunk(xs, n+1), func(c []int, _ int) int { return sum(c) }) }}
	case 8:
		return step{func(s stream.Stream[int]) stream.Stream[int] {
			return stream.FlatMap(s, func(v int) stream.Stream[int] { return stream.FromSlice(slices.Repeat([]int{v}, n%3)) })
		}, func(xs []int) []int {
			return lo.FlatMap(xs, func(v int, _ int) []int { return slices.Repeat([]int{v}, n%3) })
		}}
	case 9:
		return step{func(s stream.Stream[int]) stream.Stream[int] { return s.Buffer(n + 1) },
			func(xs []int) []int { return xs }}
	case 11:
		add := func(v int) (int, error) { return v + n, nil }
		return step{func(s stream.Stream[int]) stream.Stream[int] { return stream.MapErr(s, add) },
			func(xs []int) []int { return lo.Map(xs, func(v int, _ int) int { return v + n }) }}
	case 12:
		half := func(v int) (int, bool) { return v / 2, v%(n+2) != 0 }
		return step{func(s stream.Stream[int]) stream.Stream[int] { return stream.FilterMap(s, half) },
			func(xs []int) []int {
				return lo.FilterMap(xs, func(v int, _ int) (int, bool) { return half(v) })
			}}
	case 13:
		return step{func(s stream.Stream[int]) stream.Stream[int] { return s.Tap(func(int) {}) },
			func(xs []int) []int { return xs }}
	case 14:
		size, by := n%4+1, int(k/8)%4+1
		return step{func(s stream.Stream[int]) stream.Stream[int] { return stream.Map(stream.Window(s, size, by), sum) },
			func(xs []int) []int { return lo.Map(windows(xs, size, by), func(w []int, _ int) int { return sum(w) }) }}
	case 15:
		// A part that fails once, then the rest: Retry reruns the part.
		return step{func(s stream.Stream[int]) stream.Stream[int] {
			return stream.Concat(failOnce(errOther), s).Retry(stream.Backoff{Retries: 1})
		}, func(xs []int) []int { return xs }}
	case 16:
		// The values, then an error that Catch replaces with the value n.
		return step{func(s stream.Stream[int]) stream.Stream[int] {
			return stream.Concat(s, failWith(errOther)).Catch(func(error) stream.Stream[int] {
				return stream.FromSlice([]int{n})
			})
		}, func(xs []int) []int { return append(slices.Clone(xs), n) }}
	case 17:
		// Zip with the ids 0..n*4: as long as the shorter of the two.
		ids := make([]int, n*4)
		for i := range ids {
			ids[i] = i
		}
		add := func(a, b int) int { return a + b }
		return step{func(s stream.Stream[int]) stream.Stream[int] { return stream.Zip(s, stream.FromSlice(ids), add) },
			func(xs []int) []int {
				out := make([]int, min(len(xs), len(ids)))
				for i := range out {
					out[i] = add(xs[i], ids[i])
				}
				return out
			}}
	default:
		double := func(_ context.Context, v int) (int, error) { return 2 * v, nil }
		return step{func(s stream.Stream[int]) stream.Stream[int] {
			return stream.ParallelMap(s, n+1, stream.InputOrder, double)
		}, func(xs []int) []int { return lo.Map(xs, func(v int, _ int) int { return 2 * v }) }}
	}
}

// FuzzChain runs a random chain of operators over random input and compares
// the result with the same chain applied to a slice.
func FuzzChain(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9}, []byte{0, 3, 1, 0})
	f.Add([]byte{5, 5, 1, 5, 2}, []byte{5, 0, 6, 0, 7, 2})
	f.Add([]byte{}, []byte{7, 1, 8, 2})
	f.Add([]byte{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, []byte{9, 2, 10, 3, 4, 5, 2, 4, 3, 1})
	f.Add([]byte{3, 3, 3}, []byte{8, 2, 5, 0, 2, 1})
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7}, []byte{11, 1, 12, 0, 13, 0, 14, 9, 15, 0, 16, 5})
	f.Add([]byte{4, 1, 4, 1}, []byte{14, 2, 16, 3, 14, 24, 2, 3})
	f.Add([]byte{9, 9, 9, 9, 9, 9, 9, 9, 9}, []byte{17, 1, 0, 3, 17, 7})
	f.Fuzz(func(t *testing.T, input, ops []byte) {
		if len(ops) > 20 {
			ops = ops[:20]
		}
		xs := lo.Map(input, func(b byte, _ int) int { return int(b) })
		s, want := stream.FromSlice(xs), slices.Clone(xs)
		for i := 0; i+1 < len(ops); i += 2 {
			st := stepFor(ops[i], ops[i+1])
			s, want = st.stream(s), st.slice(want)
		}
		got, err := s.Collect(t.Context())
		if err != nil {
			t.Fatalf("Collect: %v", err)
		}
		if len(got) != 0 || len(want) != 0 {
			if !slices.Equal(got, want) {
				t.Errorf("ops %v over %v: got %v, want %v", ops, xs, got, want)
			}
		}
	})
}
