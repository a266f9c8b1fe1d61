package ops

import (
	"github.com/goresult/goresult/future"
	"github.com/samber/lo"
)

// Join2 returns a result that settles with the values of a and b, of
// different types, as a lo.Tuple2, once both have succeeded. It fails as soon
// as either fails, with that error unchanged, without waiting for the other,
// which is left alone.
func Join2[A, B any](a future.Result[A], b future.Result[B]) future.Result[lo.Tuple2[A, B]] {
	out := new(allOut[lo.Tuple2[A, B], future.Waitable])
	out.wireAll("Join2", []future.Waitable{a, b}, func(int) {},
		func() { out.SetResult(lo.T2(value(a), value(b))) })
	return out
}

// Join3 is [Join2] for three results, settling with a lo.Tuple3.
func Join3[A, B, C any](a future.Result[A], b future.Result[B], c future.Result[C]) future.Result[lo.Tuple3[A, B, C]] {
	out := new(allOut[lo.Tuple3[A, B, C], future.Waitable])
	out.wireAll("Join3", []future.Waitable{a, b, c}, func(int) {},
		func() { out.SetResult(lo.T3(value(a), value(b), value(c))) })
	return out
}

// value returns the value of a result that has succeeded.
func value[T any](r future.Result[T]) T {
	v, _ := r.Get()
	return v
}
