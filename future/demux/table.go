package demux

import (
	"context"
	"sync"
)

// Table holds the pending calls of one transport, by ID. The transport adds
// a call per request with [Table.Add] and settles it from its reader with
// [Table.Resolve] or [Table.Reject]; [Table.FailAll] and [Table.Close] fail
// every pending call at once.
//
// Create one with [New]; the zero Table is ready to use too, with no limit
// and no cancel hook. A Table must not be copied after first use. All its
// methods are safe to call concurrently. A Table starts no goroutine. A
// call's life (Add, Resolve, Await) costs about 140 ns and one allocation on
// a context that is never done, beside about 170 ns and one allocation for a
// hand-written map of channels under a mutex (BenchmarkTable); on a context
// that can end, context.AfterFunc brings it to about 600 ns and four.
type Table[V any] struct {
	sem      chan struct{} // a slot per pending call; nil without a limit
	closing  chan struct{} // closed by Close, to wake Adds waiting for a slot; nil without a limit
	onCancel func(uint64, error)

	mu     sync.Mutex
	calls  map[uint64]*Call[V]
	next   uint64
	closed error // the error of Adds once closed
	stats  Stats // Pending is len(calls), filled in by Stats
}

// New returns an empty Table configured by opts.
func New[V any](opts ...Option) *Table[V] {
	c := makeConfig(opts)
	t := &Table[V]{onCancel: c.onCancel, calls: make(map[uint64]*Call[V])}
	if c.limit > 0 {
		t.sem = make(chan struct{}, c.limit)
		t.closing = make(chan struct{})
	}
	return t
}

// Add adds a pending call and returns it; put its ID on the wire with the
// request. If the table is full ([MaxInFlight]), Add blocks until a slot is
// free, ctx ends or the table is closed. It fails with ctx's error (matching
// ctx.Err() and context.Cause(ctx)) if ctx is done, and with an error
// matching [ErrClosed] (and Close's cause) once the table is closed.
//
// The call is cancelled when ctx ends, as by [Call.Cancel] but with ctx's
// error: cancel ctx, or the call, when the reply is no longer wanted. Add
// panics if ctx is nil.
func (t *Table[V]) Add(ctx context.Context) (*Call[V], error) {
	if ctx == nil {
		panic("demux: Add with a nil Context")
	}
	if ctx.Err() != nil {
		return nil, ctxError(ctx)
	}
	if err := t.acquire(ctx); err != nil {
		return nil, err
	}
	c := &Call[V]{t: t}
	t.mu.Lock()
	if err := t.closed; err != nil {
		t.mu.Unlock()
		t.release()
		return nil, err
	}
	if t.calls == nil {
		t.calls = make(map[uint64]*Call[V])
	}
	t.next++
	c.id = t.next
	t.calls[c.id] = c
	if ctx.Done() != nil {
		// Under t.mu, so that whoever takes c sees c.stop; the function
		// runs in a goroutine of its own, after t.mu is released.
		c.stop = context.AfterFunc(ctx, func() { c.expire(ctx) })
	}
	t.mu.Unlock()
	return c, nil
}

// Resolve settles the pending call with this id with the value v and
// reports whether there was one. A reply for an ID that is unknown (never
// issued, or after Close), expired (cancelled, its context ended) or
// already settled is dropped: Resolve returns false and counts it in
// [Stats].Late. Callbacks registered on the call run before Resolve
// returns; if one panics, the call is still settled and its slot free, and
// the panic continues in Resolve's caller.
func (t *Table[V]) Resolve(id uint64, v V) bool {
	c := t.take(id, &t.stats.Completed, true)
	if c == nil {
		return false
	}
	c.release()
	c.settable.SetResult(v)
	return true
}

// Reject fails the pending call with this id with err, for that call only
// (a remote error, a reply that does not decode), and reports whether there
// was one. It drops and counts a late reply as Resolve does, and panics if
// err is nil.
func (t *Table[V]) Reject(id uint64, err error) bool {
	if err == nil {
		panic("demux: Reject with a nil error")
	}
	c := t.take(id, &t.stats.Failed, true)
	if c == nil {
		return false
	}
	c.release()
	c.settable.SetError(err)
	return true
}

// FailAll fails every pending call with a [*ConnLostError] holding cause,
// which matches [ErrConnLost] and cause: the connection they were sent on
// is lost. The table stays open, so a transport that reconnects can keep
// adding calls to it. Replies for the failed calls are late. FailAll does
// not block; the calls' callbacks run before it returns, and if one panics
// every call is still failed before the panic continues.
func (t *Table[V]) FailAll(cause error) {
	t.failAll(&ConnLostError{Cause: cause}, nil)
}

// Close fails every pending call with an error matching [ErrClosed] and
// cause (if not nil), and makes every later Add fail at once with it,
// including Adds waiting for a slot. Replies after Close are late. Calling
// Close again does nothing. The calls' callbacks run before Close returns,
// as for FailAll.
func (t *Table[V]) Close(cause error) {
	t.failAll(withCause(ErrClosed, cause), t.markClosed)
}

// Stats returns the table's counts at this moment. It does not block
// beyond the table's lock.
func (t *Table[V]) Stats() Stats {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.stats
	s.Pending = len(t.calls)
	return s
}

// acquire takes a slot, waiting for one while ctx lasts and t is open.
func (t *Table[V]) acquire(ctx context.Context) error {
	if t.sem == nil {
		return nil
	}
	select {
	case t.sem <- struct{}{}:
		return nil
	default:
	}
	select {
	case t.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctxError(ctx)
	case <-t.closing:
		t.mu.Lock()
		defer t.mu.Unlock()
		return t.closed
	}
}

// release frees a slot.
func (t *Table[V]) release() {
	if t.sem != nil {
		<-t.sem
	}
}

// take removes the pending call with this id and counts it in counter. If
// there is none, it counts a late reply if late is set, and returns nil.
func (t *Table[V]) take(id uint64, counter *uint64, late bool) *Call[V] {
	t.mu.Lock()
	defer t.mu.Unlock()
	c, ok := t.calls[id]
	if !ok {
		if late {
			t.stats.Late++
		}
		return nil
	}
	delete(t.calls, id)
	*counter++
	return c
}

// cancel settles c with err if it is still pending, and tells the
// transport.
func (t *Table[V]) cancel(c *Call[V], err, cause error) {
	if t.take(c.id, &t.stats.Cancelled, false) == nil {
		return
	}
	c.release()
	c.settable.SetError(err)
	if t.onCancel != nil {
		t.onCancel(c.id, cause)
	}
}

// settle settles c with v or err if it is still pending, and reports
// whether it was.
func (t *Table[V]) settle(c *Call[V], v V, err error) bool {
	counter := &t.stats.Completed
	if err != nil {
		counter = &t.stats.Failed
	}
	if t.take(c.id, counter, false) == nil {
		return false
	}
	c.release()
	if err != nil {
		c.settable.SetError(err)
	} else {
		c.settable.SetResult(v)
	}
	return true
}

// drop fails c with err if it is still pending, counting it as failed: the
// transport could not send it.
func (t *Table[V]) drop(c *Call[V], err error) {
	if t.take(c.id, &t.stats.Failed, false) == nil {
		return
	}
	c.release()
	c.settable.SetError(err)
}

// failAll fails every pending call with err. If mark is set it runs under
// t.mu first, and failAll does nothing if it reports false.
func (t *Table[V]) failAll(err error, mark func(error) bool) {
	t.mu.Lock()
	if mark != nil && !mark(err) {
		t.mu.Unlock()
		return
	}
	calls := t.calls
	t.calls = make(map[uint64]*Call[V])
	t.stats.Failed += uint64(len(calls))
	t.mu.Unlock()
	pending := make([]*Call[V], 0, len(calls))
	for _, c := range calls {
		pending = append(pending, c)
	}
	failEach(pending, err)
}

// markClosed closes t with err, unless it is closed already; t.mu is held.
func (t *Table[V]) markClosed(err error) bool {
	if t.closed != nil {
		return false
	}
	t.closed = err
	if t.closing != nil {
		close(t.closing)
	}
	return true
}

// failEach fails every call in cs with err. If a callback panics, the rest
// are still failed before the panic continues, so that no call is left
// pending.
func failEach[V any](cs []*Call[V], err error) {
	i := 0
	defer func() {
		if i < len(cs) { // cs[i]'s callback panicked
			failEach(cs[i+1:], err)
		}
	}()
	for ; i < len(cs); i++ {
		cs[i].release()
		cs[i].settable.SetError(err)
	}
}

// issued reports whether t has given out a call with this id.
func (t *Table[V]) issued(id uint64) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return id != 0 && id <= t.next
}
