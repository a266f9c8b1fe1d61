package natsdemux

import (
	"context"
	"sync"

	"github.com/nats-io/nats.go"
)

// tombs is how many cancel messages for requests it is not running a
// worker remembers, for requests still queued when their cancel comes (the
// two travel on different subscriptions, so either may be first).
const tombs = 1024

// inflight is a worker's running requests, by reply subject, and the
// recent cancels for requests it was not running.
type inflight struct {
	mu      sync.Mutex
	running map[string]context.CancelCauseFunc
	tombs   map[string]error
	ring    [tombs]string
	next    int
}

func newInflight() *inflight {
	return &inflight{running: make(map[string]context.CancelCauseFunc), tombs: make(map[string]error)}
}

// add records that the request with this reply subject runs under cancel,
// and reports false (having called cancel) if it was cancelled already.
func (in *inflight) add(reply string, cancel context.CancelCauseFunc) bool {
	in.mu.Lock()
	cause, dead := in.tombs[reply]
	if dead {
		delete(in.tombs, reply)
	} else {
		in.running[reply] = cancel
	}
	in.mu.Unlock()
	if dead {
		cancel(cause)
	}
	return !dead
}

// remove forgets the request with this reply subject.
func (in *inflight) remove(reply string) {
	in.mu.Lock()
	delete(in.running, reply)
	in.mu.Unlock()
}

// cancelMsg handles a cancel message: it cancels the request it names with
// the requester's cause, or remembers it for a while.
func (in *inflight) cancelMsg(m *nats.Msg) {
	reply := string(m.Data)
	cause := &CancelError{Code: m.Header.Get(HeaderCauseCode), Text: m.Header.Get(HeaderCause)}
	in.mu.Lock()
	cancel, ok := in.running[reply]
	if !ok {
		delete(in.tombs, in.ring[in.next])
		in.ring[in.next] = reply
		in.tombs[reply] = cause
		in.next = (in.next + 1) % tombs
	}
	in.mu.Unlock()
	if ok {
		cancel(cause)
	}
}
