package rx_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/goresult/goresult/stream"
	"github.com/goresult/goresult/stream/rx"
	"github.com/reactivex/rxgo/v2"
	"go.uber.org/goleak"
)

var errBoom = errors.New("boom")

func double(_ context.Context, v any) (any, error) { return v.(int) * 2, nil }
func isEven(v any) bool                            { return v.(int)%2 == 0 }
func sum(_ context.Context, acc, v any) (any, error) {
	if acc == nil {
		return v, nil
	}
	return acc.(int) + v.(int), nil
}

func TestFromObservableOperators(t *testing.T) {
	tests := []struct {
		name string
		obs  func() rxgo.Iterable
		want []int
	}{
		{"Just", func() rxgo.Iterable { return rxgo.Just(1, 2, 3)() }, []int{1, 2, 3}},
		{"Just slice", func() rxgo.Iterable { return rxgo.Just([]int{4, 5})() }, []int{4, 5}},
		{"Empty", func() rxgo.Iterable { return rxgo.Empty() }, nil},
		{"Range Map", func() rxgo.Iterable { return rxgo.Range(1, 4).Map(double) }, []int{2, 4, 6, 8}},
		{"Range Filter", func() rxgo.Iterable { return rxgo.Range(0, 7).Filter(isEven) }, []int{0, 2, 4, 6}},
		{"Range Map Filter Take", func() rxgo.Iterable {
			return rxgo.Range(0, 100).Map(double).Filter(func(v any) bool { return v.(int)%3 == 0 }).Take(3)
		}, []int{0, 6, 12}},
		{"Skip", func() rxgo.Iterable { return rxgo.Range(0, 5).Skip(3) }, []int{3, 4}},
		{"Scan", func() rxgo.Iterable { return rxgo.Range(1, 4).Scan(sum) }, []int{1, 3, 6, 10}},
		{"Distinct", func() rxgo.Iterable {
			return rxgo.Just(1, 2, 1, 3, 2)().Distinct(func(_ context.Context, v any) (any, error) { return v, nil })
		}, []int{1, 2, 3}},
		{"Reduce (OptionalSingle)", func() rxgo.Iterable { return rxgo.Range(1, 100).Reduce(sum) }, []int{5050}},
		{"Reduce of nothing", func() rxgo.Iterable { return rxgo.Empty().Reduce(sum) }, nil},
		{"Count (Single)", func() rxgo.Iterable {
			return rxgo.Range(0, 7).Count().Map(func(_ context.Context, v any) (any, error) { return int(v.(int64)), nil })
		}, []int{7}},
		{"Map in a pool", func() rxgo.Iterable { return rxgo.Range(0, 50).Map(double, rxgo.WithPool(4)).Reduce(sum) }, []int{2450}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := collect(context.Background(), rx.FromObservable[int](tt.obs()))
			if err != nil {
				t.Fatalf("got error %v, want nil", err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFromObservableRunsAgain(t *testing.T) {
	s := rx.FromObservable[int](rxgo.Range(0, 3).Map(double))
	for run := range 2 {
		got, err := collect(context.Background(), s)
		if err != nil || !slices.Equal(got, []int{0, 2, 4}) {
			t.Errorf("run %d: got %v, %v, want [0 2 4], nil", run, got, err)
		}
	}
}

func TestFromObservableWrongType(t *testing.T) {
	got, err := collect(context.Background(), rx.FromObservable[int](rxgo.Just(1, "two", 3)()))
	if !slices.Equal(got, []int{1}) {
		t.Errorf("got values %v, want [1]", got)
	}
	var te *rx.TypeError
	if !errors.As(err, &te) {
		t.Fatalf("got error %v, want a *rx.TypeError", err)
	}
	if te.Value != "two" || te.Index != 1 || te.Want != reflect.TypeFor[int]() {
		t.Errorf("got TypeError{%v, %d, %v}, want {two, 1, int}", te.Value, te.Index, te.Want)
	}
	if msg := te.Error(); msg != "rx: item 1 has type string, want int" {
		t.Errorf("got message %q", msg)
	}
}

func TestFromObservableNilItem(t *testing.T) {
	nilItem := func() rxgo.Iterable {
		return rxgo.Defer([]rxgo.Producer{func(ctx context.Context, next chan<- rxgo.Item) {
			rxgo.Of(nil).SendContext(ctx, next)
		}})
	}
	if got, err := collect(context.Background(), rx.FromObservable[*int](nilItem())); err != nil || len(got) != 1 || got[0] != nil {
		t.Errorf("*int: got %v, %v, want [nil], nil", got, err)
	}
	if got, err := collect(context.Background(), rx.FromObservable[any](nilItem())); err != nil || len(got) != 1 || got[0] != nil {
		t.Errorf("any: got %v, %v, want [nil], nil", got, err)
	}
	var te *rx.TypeError
	if _, err := collect(context.Background(), rx.FromObservable[int](nilItem())); !errors.As(err, &te) || te.Value != nil {
		t.Errorf("int: got error %v, want a *rx.TypeError with a nil Value", err)
	}
}

func TestFromObservableErrorItem(t *testing.T) {
	failing := func(_ context.Context, v any) (any, error) {
		if v.(int) == 2 {
			return nil, errBoom
		}
		return v, nil
	}
	tests := []struct {
		name string
		obs  rxgo.Iterable
		want []int
	}{
		{"Just", rxgo.Just(1, errBoom, 3)(), []int{1}},
		{"Thrown", rxgo.Thrown(errBoom), nil},
		{"Map", rxgo.Range(0, 10).Map(failing), []int{0, 1}},
		{"Reduce", rxgo.Just(1, errBoom)().Reduce(sum), nil},
		{"ContinueOnError", rxgo.Range(0, 10).Map(failing, rxgo.WithErrorStrategy(rxgo.ContinueOnError)), []int{0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := collect(context.Background(), rx.FromObservable[int](tt.obs))
			if err != errBoom {
				t.Errorf("got error %v, want errBoom itself", err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got values %v, want %v", got, tt.want)
			}
		})
	}
}

// producer returns an observable that emits 0, 1, 2, ... until its context
// ends, and closes exited when it returns.
func producer(exited chan<- struct{}) rxgo.Observable {
	return rxgo.Defer([]rxgo.Producer{func(ctx context.Context, next chan<- rxgo.Item) {
		defer close(exited)
		for i := 0; rxgo.Of(i).SendContext(ctx, next); i++ {
		}
	}})
}

func TestFromObservableStopDisposes(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	exited := make(chan struct{})
	s := rx.FromObservable[int](producer(exited).Map(double).Filter(isEven))
	var got []int
	err := s(context.Background(), func(v int) error {
		got = append(got, v)
		if len(got) == 3 {
			return stream.ErrStop
		}
		return nil
	})
	if err != stream.ErrStop {
		t.Errorf("got error %v, want stream.ErrStop", err)
	}
	if !slices.Equal(got, []int{0, 2, 4}) {
		t.Errorf("got %v, want [0 2 4]", got)
	}
	<-exited // the producer saw the observation's context end
}

func TestFromObservableYieldErrorDisposes(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	exited := make(chan struct{})
	err := rx.FromObservable[int](producer(exited))(context.Background(), func(int) error { return errBoom })
	if err != errBoom {
		t.Errorf("got error %v, want errBoom", err)
	}
	<-exited
}

func TestFromObservableCancel(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	exited := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	err := rx.FromObservable[int](producer(exited).Take(1000))(ctx, func(int) error {
		if n++; n == 2 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got error %v, want context.Canceled", err)
	}
	<-exited
}

func TestFromObservableCancelledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got, err := collect(ctx, rx.FromObservable[int](rxgo.Never()))
	if !errors.Is(err, context.Canceled) || len(got) != 0 {
		t.Errorf("got %v, %v, want no value and context.Canceled", got, err)
	}
}

func TestFromObservableDeadline(t *testing.T) {
	ctx, cancel := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer cancel()
	_, err := collect(ctx, rx.FromObservable[int](rxgo.Never()))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got error %v, want context.DeadlineExceeded", err)
	}
}

// TestFromObservableLeavesNoGoroutine stops streams over RxGo chains early
// and checks that every goroutine RxGo started has exited. Lazy chains need
// nothing more; sources and operators built eagerly need a construction
// context, cancelled once the stream has returned (see the package doc).
func TestFromObservableLeavesNoGoroutine(t *testing.T) {
	tests := []struct {
		name string
		obs  func(built rxgo.Option) rxgo.Observable
	}{
		{"Range", func(rxgo.Option) rxgo.Observable { return rxgo.Range(0, 1000) }},
		{"Just", func(rxgo.Option) rxgo.Observable { return rxgo.Just(1, 2, 3, 4, 5)() }},
		{"Map Take", func(rxgo.Option) rxgo.Observable { return rxgo.Range(0, 1000).Map(double).Take(500) }},
		{"Map in a pool", func(rxgo.Option) rxgo.Observable { return rxgo.Range(0, 1000).Map(double, rxgo.WithPool(4)) }},
		{"Filter Skip", func(rxgo.Option) rxgo.Observable { return rxgo.Range(0, 1000).Filter(isEven).Skip(1) }},
		{"Scan", func(rxgo.Option) rxgo.Observable { return rxgo.Range(0, 1000).Scan(sum) }},
		{"BufferWithCount", func(rxgo.Option) rxgo.Observable {
			return rxgo.Range(0, 1000).BufferWithCount(3).Map(func(_ context.Context, v any) (any, error) { return len(v.([]any)), nil })
		}},
		{"FromChannel Map", func(rxgo.Option) rxgo.Observable {
			ch := make(chan rxgo.Item, 10) // never closed: the stream must stop on its own
			for i := range 10 {
				ch <- rxgo.Of(i)
			}
			return rxgo.FromChannel(ch).Map(double)
		}},
		{"Interval (built with a context)", func(built rxgo.Option) rxgo.Observable {
			return rxgo.Interval(rxgo.WithDuration(time.Microsecond), built)
		}},
		{"FlatMap (built with a context)", func(built rxgo.Option) rxgo.Observable {
			return rxgo.Range(0, 100).FlatMap(func(rxgo.Item) rxgo.Observable { return rxgo.Range(0, 10) }, built)
		}},
		{"StartWith (built with a context)", func(built rxgo.Option) rxgo.Observable {
			return rxgo.Range(0, 1000).StartWith(rxgo.Just(1)(), built)
		}},
		{"Eager (built with a context)", func(built rxgo.Option) rxgo.Observable {
			return rxgo.Range(0, 1000).Map(double, rxgo.WithObservationStrategy(rxgo.Eager), built)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := goleak.IgnoreCurrent()
			built, cancel := context.WithCancel(context.Background())
			s := rx.FromObservable[int](tt.obs(rxgo.WithContext(built)))
			n := 0
			err := s(context.Background(), func(int) error {
				if n++; n == 3 {
					return stream.ErrStop
				}
				return nil
			})
			cancel()
			if err != stream.ErrStop {
				t.Errorf("got error %v, want stream.ErrStop", err)
			}
			if err := goleak.Find(before); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestFromObservableYieldPanics(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	exited := make(chan struct{})
	defer func() {
		if v := recover(); v != errBoom {
			t.Errorf("recovered %v, want errBoom", v)
		}
		<-exited // the observation was cancelled on the way out
	}()
	_ = rx.FromObservable[int](producer(exited))(context.Background(), func(int) error { panic(errBoom) })
}

func TestFromObservableNil(t *testing.T) {
	defer func() {
		if msg, _ := recover().(string); !strings.HasPrefix(msg, "rx: ") {
			t.Errorf("recovered %q, want a panic starting with \"rx: \"", msg)
		}
	}()
	rx.FromObservable[int](nil)
}
