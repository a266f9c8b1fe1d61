package notify_test

import (
	"slices"
	"testing"

	"go.uber.org/goleak"

	"github.com/goresult/goresult/internal/notify"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestList(t *testing.T) {
	var l notify.List
	var got []int
	add := func(i int) notify.Handle { return l.Add(notify.Func(func() { got = append(got, i) })) }
	h0, h1 := add(0), add(1)
	add(2)
	if !l.Remove(h1) || l.Remove(h1) {
		t.Fatal("Remove: want true once, then false")
	}
	h3 := add(3) // reuses h1's slot
	if l.Remove(h1) {
		t.Fatal("a stale handle removed the callback that reused its slot")
	}
	if l.Len() != 3 {
		t.Fatalf("Len: got %d, want 3", l.Len())
	}
	taken := l.Take()
	if l.Len() != 0 || l.Remove(h0) || l.Remove(h3) {
		t.Fatal("Take did not empty the list")
	}
	taken.Notify()
	if want := []int{0, 3, 2}; !slices.Equal(got, want) {
		t.Fatalf("called: got %v, want %v (slot order)", got, want)
	}
}

func TestCallRunsAllDespitePanic(t *testing.T) {
	var l notify.List
	ran := 0
	l.Add(notify.Func(func() { ran++ }))
	l.Add(notify.Func(func() { panic("first") }))
	l.Add(notify.Func(func() { ran++ }))
	l.Add(notify.Func(func() { ran++ }))
	defer func() {
		if p := recover(); p != "first" || ran != 3 {
			t.Fatalf("got panic %v after %d calls, want \"first\" after 3", p, ran)
		}
	}()
	l.Take().Notify()
}
