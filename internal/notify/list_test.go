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
	for i := range taken.Slots() {
		if w := taken.At(i); w != nil {
			w.Notify()
		}
	}
	if want := []int{0, 3, 2}; !slices.Equal(got, want) {
		t.Fatalf("called: got %v, want %v (slot order)", got, want)
	}
}

type libraryWaiter struct{ notify.Library }

func (libraryWaiter) Notify() {}

type wakeupWaiter struct{ notify.Wakeup }

func (wakeupWaiter) Notify() {}

func TestMarks(t *testing.T) {
	tests := []struct {
		name            string
		w               notify.Waiter
		library, wakeup bool
	}{
		{"user function", notify.Func(func() {}), false, false},
		{"library waiter", libraryWaiter{}, true, false},
		{"wake-up", wakeupWaiter{}, true, true},
	}
	for _, tt := range tests {
		if got := notify.IsLibrary(tt.w); got != tt.library {
			t.Errorf("%s: IsLibrary got %v, want %v", tt.name, got, tt.library)
		}
		if got := notify.IsWakeup(tt.w); got != tt.wakeup {
			t.Errorf("%s: IsWakeup got %v, want %v", tt.name, got, tt.wakeup)
		}
	}
}
