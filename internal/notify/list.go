// Package notify holds the completion-callback list that every result of
// goresult is built on. It is internal: users register callbacks through
// future.AfterFunc.
package notify

// List is a set of callbacks waiting for one event. Add and Remove are O(1)
// and a removed callback is released at once, so a long-lived owner does not
// keep the callbacks of departed waiters alive. Slots are reused; each carries
// a generation so that a stale Handle never removes a newer callback.
//
// A List is not safe for concurrent use: its owner guards it with a mutex.
// The zero List is empty and ready to use.
type List struct {
	slots []slot
	free  int32 // index+1 of the first free slot; 0 when there is none
	live  int
}

type slot struct {
	f    func()
	gen  uint32
	next int32 // index+1 of the next free slot, while f is nil
}

// Handle names one callback added to a List.
type Handle struct {
	i   int32
	gen uint32
}

// Add adds f and returns a handle that Remove accepts.
func (l *List) Add(f func()) Handle {
	l.live++
	if l.free != 0 {
		i := l.free - 1
		s := &l.slots[i]
		l.free = s.next
		s.f, s.next = f, 0
		return Handle{i: i, gen: s.gen}
	}
	l.slots = append(l.slots, slot{f: f})
	return Handle{i: int32(len(l.slots) - 1)}
}

// Remove removes the callback h names and reports whether it was still there.
func (l *List) Remove(h Handle) bool {
	if int(h.i) >= len(l.slots) {
		return false
	}
	s := &l.slots[h.i]
	if s.f == nil || s.gen != h.gen {
		return false
	}
	s.f = nil
	s.gen++
	s.next = l.free
	l.free = h.i + 1
	l.live--
	return true
}

// Len returns the number of callbacks in the list.
func (l *List) Len() int { return l.live }

// Take moves the callbacks out of l, leaving it empty, and returns them for
// Call. Handles given out before Take no longer remove anything.
func (l *List) Take() List {
	taken := *l
	*l = List{}
	return taken
}

// Call calls every callback in l, in slot order. If one panics, the rest are
// still called before the panic continues up the caller's stack, so that one
// faulty callback cannot strand the other waiters.
func (l List) Call() {
	i := 0
	defer func() {
		if i < len(l.slots) { // l.slots[i].f panicked
			List{slots: l.slots[i+1:]}.Call()
		}
	}()
	for ; i < len(l.slots); i++ {
		if f := l.slots[i].f; f != nil {
			f()
		}
	}
}
