// Package notify holds the completion-callback list that every result of
// goresult is built on, and the marks by which goresult's own waiters tell
// package future how to run them. It is internal: users register waiters
// through future.Register and future.AfterFunc.
package notify

// Waiter is notified once, when the result it waits for settles. Notify runs
// in the goroutine that settles the result and must not block.
type Waiter interface {
	Notify()
}

// Func adapts a function to Waiter without an allocation.
type Func func()

// Notify calls f.
func (f Func) Notify() { f() }

// Library, embedded in a waiter of goresult's own, marks it as running no
// user code: package future may run it while a task's goroutine still holds
// its group's slot.
type Library struct{}

func (Library) library() {}

// Wakeup, embedded in a waiter of goresult's own, marks it as a wake-up: it
// runs once the result is done, after the result's callbacks, so that
// whoever it wakes finds the result done. A wake-up runs no user code.
type Wakeup struct{ Library }

func (Wakeup) wakeup() {}

// IsLibrary reports whether w runs no user code.
func IsLibrary(w Waiter) bool {
	_, ok := w.(interface{ library() })
	return ok
}

// IsWakeup reports whether w is a wake-up.
func IsWakeup(w Waiter) bool {
	_, ok := w.(interface{ wakeup() })
	return ok
}

// List is a set of waiters for one event. Add and Remove are O(1) and a
// removed waiter is released at once, so a long-lived owner does not keep the
// waiters of departed callers alive. The first slot is held inline, so that
// the common case of one waiter needs no allocation. Slots are reused; each
// carries a generation so that a stale Handle never removes a newer waiter.
//
// A List is not safe for concurrent use: its owner guards it with a mutex.
// The zero List is empty and ready to use.
type List struct {
	head slot    // slot 0
	more *[]slot // slots 1..len(*more), made for a second waiter
	free int32   // index+1 of the first free slot; 0 when there is none
	live int32
}

type slot struct {
	w    Waiter
	gen  uint32
	next int32 // index+1 of the next free slot, while w is nil
}

// Handle names one waiter added to a List. The zero Handle names nothing
// that Remove will find once slot 0 has been reused or taken.
type Handle struct {
	i   int32
	gen uint32
}

// None is a Handle that Remove never finds.
var None = Handle{i: -1}

func (l *List) at(i int32) *slot {
	if i == 0 {
		return &l.head
	}
	return &(*l.more)[i-1]
}

// extra returns the slots beyond the first.
func (l *List) extra() []slot {
	if l.more == nil {
		return nil
	}
	return *l.more
}

// Add adds w and returns a handle that Remove accepts.
func (l *List) Add(w Waiter) Handle {
	l.live++
	var i int32
	switch {
	case l.free != 0:
		i = l.free - 1
		l.free = l.at(i).next
	case l.live == 1 && l.more == nil:
		i = 0
	default:
		if l.more == nil {
			l.more = new([]slot)
		}
		*l.more = append(*l.more, slot{})
		i = int32(len(*l.more))
	}
	s := l.at(i)
	s.w, s.next = w, 0
	return Handle{i: i, gen: s.gen}
}

// Remove removes the waiter h names and reports whether it was still there.
func (l *List) Remove(h Handle) bool {
	if h.i < 0 || int(h.i) > len(l.extra()) {
		return false
	}
	s := l.at(h.i)
	if s.w == nil || s.gen != h.gen {
		return false
	}
	s.w = nil
	s.gen++
	s.next = l.free
	l.free = h.i + 1
	l.live--
	return true
}

// Len returns the number of waiters in the list.
func (l *List) Len() int { return int(l.live) }

// Take moves the waiters out of l, leaving it empty but with its generations
// advanced, and returns them for Notify. Handles given out before Take no
// longer remove anything.
func (l *List) Take() List {
	taken := *l
	*l = List{head: slot{gen: l.head.gen + 1}}
	return taken
}

// Slots returns the number of slots in l, free or not: the waiters are
// At(0) to At(Slots()-1).
func (l *List) Slots() int { return 1 + len(l.extra()) }

// At returns the waiter in slot i, or nil if the slot is free.
func (l *List) At(i int) Waiter { return l.at(int32(i)).w }
