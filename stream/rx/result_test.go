package rx_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/stream/rx"
	"github.com/reactivex/rxgo/v2"
	"go.uber.org/goleak"
)

func TestResultToObservable(t *testing.T) {
	tests := []struct {
		name string
		r    future.Result[int]
		want []rxgo.Item
	}{
		{"Resolved", future.Resolved(7), []rxgo.Item{rxgo.Of(7)}},
		{"Failed", future.Failed[int](errBoom), []rxgo.Item{rxgo.Error(errBoom)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			obs := rx.ResultToObservable(tt.r)
			for run := range 2 { // cold: every observation emits the outcome
				if got := items(obs.Observe()); !slices.Equal(got, tt.want) {
					t.Errorf("observation %d: got %v, want %v", run, got, tt.want)
				}
			}
		})
	}
}

func TestResultToObservableWaits(t *testing.T) {
	f := future.New[int]()
	ch := rx.ResultToObservable[int](f).Map(double).Observe()
	if err := f.SetResult(21); err != nil {
		t.Fatal(err)
	}
	if got := items(ch); !slices.Equal(got, []rxgo.Item{rxgo.Of(42)}) {
		t.Errorf("got %v, want [42]", got)
	}
}

func TestResultToObservableRoundTrip(t *testing.T) {
	got, err := collect(context.Background(), rx.FromObservable[int](rx.ResultToObservable(future.Resolved(4)).Map(double)))
	if err != nil || !slices.Equal(got, []int{8}) {
		t.Errorf("got %v, %v, want [8], nil", got, err)
	}
	_, err = collect(context.Background(), rx.FromObservable[int](rx.ResultToObservable(future.Failed[int](errBoom))))
	if err != errBoom {
		t.Errorf("got error %v, want errBoom", err)
	}
}

func TestResultToObservableObserverCancels(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	f := future.New[int]()
	ctx, cancel := context.WithCancel(context.Background())
	ch := rx.ResultToObservable[int](f).Observe(rxgo.WithContext(ctx))
	cancel()
	if got := items(ch); len(got) != 0 {
		t.Errorf("got %v, want no item", got)
	}
	if f.IsDone() {
		t.Error("observing settled the result")
	}
}

func TestResultToObservableStreamCancel(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx, cancel := context.WithCancel(context.Background())
	s := rx.FromObservable[int](rx.ResultToObservable[int](future.New[int]()))
	done := make(chan error)
	go func() { _, err := collect(ctx, s); done <- err }()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("got error %v, want context.Canceled", err)
	}
}

func TestResultToObservableNil(t *testing.T) {
	defer func() {
		if msg, _ := recover().(string); !strings.HasPrefix(msg, "rx: ") {
			t.Errorf("recovered %q, want a panic starting with \"rx: \"", msg)
		}
	}()
	rx.ResultToObservable[int](nil)
}
