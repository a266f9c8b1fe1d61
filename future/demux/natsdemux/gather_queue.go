package natsdemux

import (
	"context"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
)

// gatherQueue holds the replies of one gather until its stream takes them.
// The inbox subscription pushes without ever blocking.
type gatherQueue struct {
	mu   sync.Mutex
	msgs []*nats.Msg
	err  error         // set once by fail
	wake chan struct{} // a token when something was pushed or failed
}

func (q *gatherQueue) push(m *nats.Msg) {
	q.mu.Lock()
	q.msgs = append(q.msgs, m)
	q.mu.Unlock()
	q.signal()
}

func (q *gatherQueue) fail(err error) {
	q.mu.Lock()
	if q.err == nil {
		q.err = err
	}
	q.mu.Unlock()
	q.signal()
}

func (q *gatherQueue) signal() {
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// next returns the next reply, waiting for it until stall fires (errStall),
// ctx ends (ctx's error and cause) or the queue fails (its error).
func (q *gatherQueue) next(ctx context.Context, stall <-chan time.Time) (*nats.Msg, error) {
	for {
		q.mu.Lock()
		if len(q.msgs) > 0 {
			m := q.msgs[0]
			q.msgs[0] = nil
			q.msgs = q.msgs[1:]
			q.mu.Unlock()
			return m, nil
		}
		err := q.err
		q.mu.Unlock()
		if err != nil {
			return nil, err
		}
		select {
		case <-q.wake:
		case <-stall:
			return nil, errStall
		case <-ctx.Done():
			return nil, ctxError(ctx)
		}
	}
}
