package future

import (
	"sync/atomic"

	"github.com/goresult/goresult/internal/notify"
)

// settler is a result whose outcome is written and whose waiters have been
// taken: finish makes it done.
type settler interface{ finish() }

// relay is implemented by a waiter that embeds a Future and settles it when
// notified (the outputs of package ops' Map, Then and Catch). The drain marks
// the Future before notifying the waiter, so that settling it only writes its
// outcome and hands the waiters back to the drain, instead of running them in
// a nested call: that is what lets a chain of a million stages settle in a
// loop, on a bounded stack.
type relay interface {
	markRelay()
	unmarkRelay() (item, bool)
}

// item is one settling result and the waiters taken from it.
type item struct {
	r  settler
	ws notify.List
}

// heldCallbacks counts the user callbacks running, in any goroutine, inside
// the goroutine of a task that still holds its group's slot (see spawn).
var heldCallbacks atomic.Int32

// drain runs the waiters of a settling result and of every result that
// settles through them, one at a time, in a loop. For each result, its
// callbacks run first, then it becomes done, then its wake-ups run; the
// results its callbacks settled (relays) follow in the order they settled,
// so an input is done before the callbacks of the outputs built on it run.
type drain struct {
	held  bool // in a task's goroutine that holds its group's slot
	cur   item
	wakes bool // cur is done: its wake-ups are next
	i     int  // the next slot of cur.ws
	q     queue
}

// settleAll runs the waiters of r, which is settling, then makes it done.
func settleAll(r settler, ws notify.List, held bool) {
	if ws.Slots() == 1 && settleOne(r, ws.At(0), held) {
		return
	}
	drainAll(r, &ws, held)
}

// drainAll runs a drain. It is kept out of settleAll so that the drain's
// frame is on the stack only when the drain runs.
//
//go:noinline
func drainAll(r settler, ws *notify.List, held bool) {
	d := drain{held: held, cur: item{r: r, ws: *ws}}
	d.run()
}

// settleOne is settleAll for the common case of one waiter that is not a
// relay, without the drain: the frames of a task's goroutine stay few, so
// that its stack need not grow (measured: a task settling through the drain
// spent a sixth of its time copying a grown stack). It reports false, having
// done nothing, for a relay.
func settleOne(r settler, w notify.Waiter, held bool) bool {
	if _, ok := w.(relay); ok {
		return false
	}
	if notify.IsWakeup(w) {
		r.finish()
		w.Notify()
		return true
	}
	if held && !notify.IsLibrary(w) {
		heldCallbacks.Add(1)
		defer heldCallbacks.Add(-1)
	}
	defer r.finish() // even if w panics or calls runtime.Goexit
	w.Notify()
	return true
}

// run drains until there is nothing left. If a waiter panics or calls
// runtime.Goexit, the deferred call goes on with the rest, so that every
// result still becomes done, before the panic or Goexit goes on up the
// settling goroutine.
func (d *drain) run() {
	finished := false
	defer func() {
		if !finished {
			d.run()
		}
	}()
	for d.step() {
	}
	finished = true
}

// step runs the next waiter, making results done and moving to the next one
// as their waiters run out. It reports false when there is nothing left.
func (d *drain) step() bool {
	for d.cur.r != nil {
		if d.i == d.cur.ws.Slots() {
			if !d.wakes {
				d.cur.r.finish()
				d.wakes, d.i = true, 0
				continue
			}
			d.cur, d.wakes, d.i = d.q.pop(), false, 0
			continue
		}
		w := d.cur.ws.At(d.i)
		d.i++
		if w == nil || notify.IsWakeup(w) != d.wakes {
			continue
		}
		d.notify(w)
		return true
	}
	return false
}

// notify runs one waiter; a relay's settled output joins the queue.
func (d *drain) notify(w notify.Waiter) {
	if d.held && !notify.IsLibrary(w) {
		heldCallbacks.Add(1)
		defer heldCallbacks.Add(-1)
	}
	r, ok := w.(relay)
	if !ok {
		w.Notify()
		return
	}
	r.markRelay()
	defer d.unmark(r) // even if w panics or calls runtime.Goexit
	w.Notify()
}

func (d *drain) unmark(r relay) {
	if it, ok := r.unmarkRelay(); ok {
		d.q.push(it)
	}
}

// queue is a FIFO of items, the first few held inline so that a chain, whose
// queue never holds more than one, settles without allocating.
type queue struct {
	inline [2]item
	head   int // index in inline of the first item
	n      int // items in inline
	more   []item
}

func (q *queue) push(it item) {
	if len(q.more) == 0 && q.n < len(q.inline) {
		q.inline[(q.head+q.n)%len(q.inline)] = it
		q.n++
		return
	}
	q.more = append(q.more, it)
}

// pop returns the first item, or the zero item if there is none.
func (q *queue) pop() item {
	if q.n > 0 {
		it := q.inline[q.head]
		q.inline[q.head] = item{}
		q.head, q.n = (q.head+1)%len(q.inline), q.n-1
		return it
	}
	if len(q.more) == 0 {
		return item{}
	}
	it := q.more[0]
	q.more[0] = item{}
	q.more = q.more[1:]
	return it
}
