package demux_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/future/demux"
	"github.com/goresult/goresult/ops"
)

// Each way a call settles, with the counts it leaves behind.
func TestTableSettles(t *testing.T) {
	tests := []struct {
		name    string
		settle  func(tb *demux.Table[int], c *demux.Call[int])
		want    int     // the value, if no error is wanted
		wantErr []error // what the error must match
		stats   demux.Stats
	}{
		{
			name:   "resolve",
			settle: func(tb *demux.Table[int], c *demux.Call[int]) { tb.Resolve(c.ID(), 7) },
			want:   7,
			stats:  demux.Stats{Completed: 1},
		},
		{
			name:    "reject",
			settle:  func(tb *demux.Table[int], c *demux.Call[int]) { tb.Reject(c.ID(), errBoom) },
			wantErr: []error{errBoom},
			stats:   demux.Stats{Failed: 1},
		},
		{
			name:   "the call's SetResult",
			settle: func(tb *demux.Table[int], c *demux.Call[int]) { c.SetResult(8) },
			want:   8,
			stats:  demux.Stats{Completed: 1},
		},
		{
			name:    "the call's SetError",
			settle:  func(tb *demux.Table[int], c *demux.Call[int]) { c.SetError(errBoom) },
			wantErr: []error{errBoom},
			stats:   demux.Stats{Failed: 1},
		},
		{
			name:    "cancel",
			settle:  func(tb *demux.Table[int], c *demux.Call[int]) { c.Cancel(errReason) },
			wantErr: []error{context.Canceled, errReason},
			stats:   demux.Stats{Cancelled: 1},
		},
		{
			name:    "cancel without a cause",
			settle:  func(tb *demux.Table[int], c *demux.Call[int]) { c.Cancel(nil) },
			wantErr: []error{context.Canceled, future.ErrCancelled},
			stats:   demux.Stats{Cancelled: 1},
		},
		{
			name:    "fail all",
			settle:  func(tb *demux.Table[int], c *demux.Call[int]) { tb.FailAll(errReason) },
			wantErr: []error{demux.ErrConnLost, errReason},
			stats:   demux.Stats{Failed: 1},
		},
		{
			name:    "fail all without a cause",
			settle:  func(tb *demux.Table[int], c *demux.Call[int]) { tb.FailAll(nil) },
			wantErr: []error{demux.ErrConnLost},
			stats:   demux.Stats{Failed: 1},
		},
		{
			name:    "close",
			settle:  func(tb *demux.Table[int], c *demux.Call[int]) { tb.Close(errReason) },
			wantErr: []error{demux.ErrClosed, errReason},
			stats:   demux.Stats{Failed: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hooked := 0
			tb := demux.New[int](demux.MaxInFlight(1), demux.OnCancel(func(uint64, error) { hooked++ }))
			c := mustAdd(t, tb, context.Background())
			wantPending(t, c)
			wantStats(t, tb.Stats(), demux.Stats{Pending: 1})
			tt.settle(tb, c)
			if tt.wantErr != nil {
				wantError(t, c, tt.wantErr...)
			} else {
				wantValue(t, c, tt.want)
			}
			wantStats(t, tb.Stats(), tt.stats)

			// Settled once: every later reply is late and changes nothing.
			if tb.Resolve(c.ID(), 99) || tb.Reject(c.ID(), errBoom) {
				t.Fatal("a second reply was delivered")
			}
			c.Cancel(errBoom)
			for _, err := range []error{c.SetResult(99), c.SetError(errBoom)} {
				if err != future.ErrAlreadySet {
					t.Fatalf("settling a settled call: got %v, want ErrAlreadySet", err)
				}
			}
			if tt.wantErr != nil {
				wantError(t, c, tt.wantErr...)
			} else {
				wantValue(t, c, tt.want)
			}
			tt.stats.Late += 2
			wantStats(t, tb.Stats(), tt.stats)
			if want := int(tt.stats.Cancelled); hooked != want {
				t.Fatalf("OnCancel: called %d times, want %d (for a cancellation only, once)", hooked, want)
			}
		})
	}
}

// The end of a call's context settles it with ctx's error and cause, frees
// its slot at once and calls the hook; a reply after that is late.
func TestTableContextEnds(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var hooked []error
		tb := demux.New[int](demux.MaxInFlight(1), demux.OnCancel(func(id uint64, cause error) {
			hooked = append(hooked, cause)
		}))

		ctx, cancel := context.WithCancelCause(context.Background())
		c := mustAdd(t, tb, ctx)
		cancel(errReason)
		synctest.Wait()
		wantError(t, c, context.Canceled, errReason)

		ctx, stop := context.WithTimeout(context.Background(), time.Second)
		defer stop()
		d := mustAdd(t, tb, ctx) // would wait for the hour if c's slot were held
		time.Sleep(time.Second)
		synctest.Wait()
		wantError(t, d, context.DeadlineExceeded)

		if len(hooked) != 2 || hooked[0] != errReason || !errors.Is(hooked[1], context.DeadlineExceeded) {
			t.Fatalf("hook causes: got %v, want [%v %v]", hooked, errReason, context.DeadlineExceeded)
		}
		if tb.Resolve(c.ID(), 1) || tb.Resolve(d.ID(), 2) {
			t.Fatal("a reply for an expired call was delivered")
		}
		wantStats(t, tb.Stats(), demux.Stats{Cancelled: 2, Late: 2})
	})
}

// Add with a context that is done fails at once, without a slot or an ID.
func TestTableAddDoneContext(t *testing.T) {
	tb := demux.New[int]()
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errReason)
	c, err := tb.Add(ctx)
	if c != nil {
		t.Fatalf("Add: got %v, want no call", c)
	}
	wantIs(t, err, context.Canceled, errReason)
	wantStats(t, tb.Stats(), demux.Stats{})
}

// A full table makes Add wait: until a slot is freed, until its ctx ends
// (with ctx's cause), or until the table is closed.
func TestTableBackpressure(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		tb := demux.New[int](demux.MaxInFlight(2))
		a := mustAdd(t, tb, context.Background())
		mustAdd(t, tb, context.Background())

		// A slot freed by a reply.
		got := make(chan *demux.Call[int])
		go func() { got <- mustAdd(t, tb, context.Background()) }()
		synctest.Wait()
		select {
		case <-got:
			t.Fatal("Add did not wait for a slot")
		default:
		}
		tb.Resolve(a.ID(), 1)
		c := <-got
		wantPending(t, c)

		// The waiter's ctx ends.
		ctx, cancel := context.WithCancelCause(context.Background())
		errc := make(chan error)
		go func() {
			_, err := tb.Add(ctx)
			errc <- err
		}()
		synctest.Wait()
		cancel(errReason)
		wantIs(t, <-errc, context.Canceled, errReason)

		// The table is closed under the waiter.
		go func() {
			_, err := tb.Add(context.Background())
			errc <- err
		}()
		synctest.Wait()
		tb.Close(errBoom)
		wantIs(t, <-errc, demux.ErrClosed, errBoom)
		wantError(t, c, demux.ErrClosed, errBoom)
		wantStats(t, tb.Stats(), demux.Stats{Completed: 1, Failed: 2})
	})
}

// After Close, Add fails at once and every reply is late; Close again does
// nothing.
func TestTableClose(t *testing.T) {
	tb := demux.New[int]()
	c := mustAdd(t, tb, context.Background())
	tb.Close(nil)
	wantError(t, c, demux.ErrClosed)
	if c.Err() != demux.ErrClosed {
		t.Fatalf("Close(nil): got %v, want ErrClosed itself", c.Err())
	}
	tb.Close(errBoom)
	_, err := tb.Add(context.Background())
	if err != demux.ErrClosed {
		t.Fatalf("Add after Close: got %v, want ErrClosed", err)
	}
	if tb.Resolve(c.ID(), 1) || tb.Resolve(c.ID()+1, 1) {
		t.Fatal("Resolve after Close delivered a reply")
	}
	wantStats(t, tb.Stats(), demux.Stats{Failed: 1, Late: 2})
}

// FailAll fails the pending calls and leaves the table open, for a
// transport that reconnects.
func TestTableFailAllStaysOpen(t *testing.T) {
	tb := demux.New[int]()
	calls := []*demux.Call[int]{mustAdd(t, tb, context.Background()), mustAdd(t, tb, context.Background())}
	tb.FailAll(errBoom)
	for _, c := range calls {
		wantError(t, c, demux.ErrConnLost, errBoom)
		var lost *demux.ConnLostError
		if !errors.As(c.Err(), &lost) || lost.Cause != errBoom {
			t.Fatalf("got %v, want a *ConnLostError with cause %v", c.Err(), errBoom)
		}
	}
	c := mustAdd(t, tb, context.Background())
	if c.ID() == calls[0].ID() || c.ID() == calls[1].ID() {
		t.Fatalf("ID %d reused after FailAll", c.ID())
	}
	tb.Resolve(c.ID(), 3)
	wantValue(t, c, 3)
}

// IDs never issued are late, as are IDs of settled calls.
func TestTableUnknownID(t *testing.T) {
	var tb demux.Table[string] // the zero Table is ready to use
	c := mustAdd(t, &tb, context.Background())
	for _, id := range []uint64{0, c.ID() + 1, 1 << 63} {
		if tb.Resolve(id, "x") || tb.Reject(id, errBoom) {
			t.Fatalf("a reply for id %d, never issued, was delivered", id)
		}
	}
	wantPending(t, c)
	wantStats(t, tb.Stats(), demux.Stats{Pending: 1, Late: 6})
	tb.Close(nil)
}

func TestTableMisuse(t *testing.T) {
	var nilContext context.Context
	tests := []struct {
		name, msg string
		f         func()
	}{
		{"MaxInFlight(0)", "MaxInFlight(0)", func() { demux.MaxInFlight(0) }},
		{"MaxInFlight(-1)", "MaxInFlight(-1)", func() { demux.MaxInFlight(-1) }},
		{"OnCancel(nil)", "nil function", func() { demux.OnCancel(nil) }},
		{"Add(nil)", "nil Context", func() { demux.New[int]().Add(nilContext) }},
		{"Reject(nil)", "nil error", func() { demux.New[int]().Reject(1, nil) }},
		{"SetError(nil)", "nil error", func() {
			c, _ := demux.New[int]().Add(context.Background())
			c.SetError(nil)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantPanic(t, tt.msg, tt.f) })
	}
}

// A callback on a call that panics does not keep FailAll from failing the
// others, nor Resolve from settling its call; the panic reaches the caller.
func TestTableCallbackPanics(t *testing.T) {
	tb := demux.New[int](demux.MaxInFlight(4))
	calls := make([]*demux.Call[int], 4)
	for i := range calls {
		calls[i] = mustAdd(t, tb, context.Background())
		future.AfterFunc(calls[i], func() { panic("callback") })
	}
	func() {
		defer func() {
			if p := recover(); p != "callback" {
				t.Fatalf("Resolve: got panic %v, want \"callback\"", p)
			}
		}()
		tb.Resolve(calls[0].ID(), 1)
	}()
	wantValue(t, calls[0], 1)
	func() {
		defer func() {
			if p := recover(); p != "callback" {
				t.Fatalf("FailAll: got panic %v, want \"callback\"", p)
			}
		}()
		tb.FailAll(errBoom)
	}()
	for _, c := range calls[1:] {
		wantError(t, c, demux.ErrConnLost, errBoom)
	}
	wantStats(t, tb.Stats(), demux.Stats{Completed: 1, Failed: 3})
	for range 4 { // every slot is free again
		mustAdd(t, tb, context.Background())
	}
	tb.Close(nil)
}

// 10,000 calls added from 16 goroutines and resolved in random order from
// 16 others: each settles once, with its own value, and no goroutine waits
// for a pending call.
func TestTableConcurrent(t *testing.T) {
	const workers, perWorker = 16, 625
	const n = workers * perWorker
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tb := demux.New[uint64](demux.MaxInFlight(n))
	before := runtime.NumGoroutine()

	var settled atomic.Int64
	calls := make([]*demux.Call[uint64], n)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range perWorker {
				c := mustAdd(t, tb, ctx)
				future.AfterFunc(c, func() { settled.Add(1) })
				calls[w*perWorker+i] = c
			}
		})
	}
	wg.Wait()
	// The adders may still be exiting; what matters is that no goroutine
	// per call is left.
	if got, most := runtime.NumGoroutine(), before+workers+2; got > most {
		t.Fatalf("goroutines with %d calls pending: got %d, want at most %d", n, got, most)
	}
	wantStats(t, tb.Stats(), demux.Stats{Pending: n})

	order := rand.Perm(n)
	var delivered atomic.Int64
	for w := range workers {
		wg.Go(func() {
			for _, i := range order[w*perWorker : (w+1)*perWorker] {
				id := calls[i].ID()
				if tb.Resolve(id, id*3) {
					delivered.Add(1)
				}
				if tb.Resolve(id, 0) { // a duplicate reply
					delivered.Add(1)
				}
			}
		})
	}
	wg.Wait()
	if delivered.Load() != n || settled.Load() != n {
		t.Fatalf("got %d replies delivered and %d calls settled, want %d of each",
			delivered.Load(), settled.Load(), n)
	}
	seen := make(map[uint64]bool, n)
	for _, c := range calls {
		if seen[c.ID()] {
			t.Fatalf("ID %d issued twice", c.ID())
		}
		seen[c.ID()] = true
		wantValue(t, c, c.ID()*3)
	}
	wantStats(t, tb.Stats(), demux.Stats{Completed: n, Late: n})
}

// Race over calls: the winner's reply wins, the losers are cancelled with
// ops.ErrLost, their slots freed and the transport told.
func TestTableRaceCancelsLosers(t *testing.T) {
	var hooked []uint64
	tb := demux.New[string](demux.MaxInFlight(3), demux.OnCancel(func(id uint64, cause error) {
		if cause != ops.ErrLost {
			t.Errorf("hook cause: got %v, want ops.ErrLost", cause)
		}
		hooked = append(hooked, id)
	}))
	calls := make([]*demux.Call[string], 3)
	for i := range calls {
		calls[i] = mustAdd(t, tb, context.Background())
	}
	out := ops.Race(calls...)
	tb.Resolve(calls[1].ID(), "mirror 1")
	wantValue(t, out, "mirror 1")
	for _, i := range []int{0, 2} {
		wantError(t, calls[i], context.Canceled, ops.ErrLost)
	}
	if len(hooked) != 2 {
		t.Fatalf("hook calls: got %v, want the two losers", hooked)
	}
	wantStats(t, tb.Stats(), demux.Stats{Completed: 1, Cancelled: 2})
	for range 3 { // every slot is free again
		mustAdd(t, tb, context.Background())
	}
	tb.Close(nil)
}

// Timeout over a call cancels it with ops.ErrTimeout when the deadline
// wins, and frees its slot.
func TestTableTimeoutCancelsCall(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		tb := demux.New[int](demux.MaxInFlight(1))
		c := mustAdd(t, tb, context.Background())
		out := ops.Timeout[int](c, time.Second)
		time.Sleep(time.Second)
		synctest.Wait()
		wantError(t, out, ops.ErrTimeout)
		wantError(t, c, context.Canceled, ops.ErrTimeout)
		wantStats(t, tb.Stats(), demux.Stats{Cancelled: 1})
		if tb.Resolve(c.ID(), 1) {
			t.Fatal("the reply after the timeout was delivered")
		}
		fast := mustAdd(t, tb, context.Background())
		out = ops.Timeout[int](fast, time.Second)
		tb.Resolve(fast.ID(), 2)
		wantValue(t, out, 2)
	})
}

// A call costs one allocation on a context that is never done.
func TestTableAllocs(t *testing.T) {
	tb := demux.New[int](demux.MaxInFlight(16))
	ctx := context.Background()
	got := testing.AllocsPerRun(1000, func() {
		c, _ := tb.Add(ctx)
		tb.Resolve(c.ID(), 1)
		c.Await(ctx)
	})
	if got > 1 {
		t.Fatalf("Add+Resolve+Await: got %v allocations, want at most 1", got)
	}
}

// A reply racing a cancellation, call by call: exactly one of them settles
// each call, and the counts add up.
func TestTableCancelRacesResolve(t *testing.T) {
	const n = 2000
	hooks := make(chan uint64, n) // the hook runs after the call is done: count it apart
	tb := demux.New[int](demux.OnCancel(func(id uint64, _ error) { hooks <- id }))
	ctxs := make([]context.CancelFunc, n)
	calls := make([]*demux.Call[int], n)
	var settled atomic.Int64
	for i := range calls {
		ctx, cancel := context.WithCancel(context.Background())
		ctxs[i] = cancel
		calls[i] = mustAdd(t, tb, ctx)
		future.AfterFunc(calls[i], func() { settled.Add(1) })
	}
	var delivered atomic.Int64
	var wg sync.WaitGroup
	for i, c := range calls {
		wg.Go(func() {
			if tb.Resolve(c.ID(), i) {
				delivered.Add(1)
			}
		})
		if i%2 == 0 {
			wg.Go(func() { c.Cancel(errReason) })
		} else {
			wg.Go(ctxs[i]) // the context's end, through context.AfterFunc
		}
	}
	wg.Wait()
	for _, c := range calls {
		c.Wait(context.Background())
	}
	d := delivered.Load()
	st := tb.Stats()
	if settled.Load() != n || uint64(d) != st.Completed || st.Completed+st.Cancelled != n ||
		st.Late != n-uint64(d) || st.Pending != 0 {
		t.Fatalf("%d delivered, %d settled, Stats %+v: want each call settled once", d, settled.Load(), st)
	}
	seen := make(map[uint64]bool)
	for range st.Cancelled {
		id := <-hooks
		if seen[id] || calls[id-1].Err() == nil {
			t.Fatalf("OnCancel for call %d: twice, or for a call that was resolved", id)
		}
		seen[id] = true
	}
	for i, c := range calls {
		if v, err := c.Get(); err == nil && v != i {
			t.Fatalf("call %d: got %d, want its own value", i, v)
		}
	}
}
