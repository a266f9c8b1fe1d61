package stream

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
)

// ErrGroupLimit is the error of a [GroupBy] stream when a value of a new key
// arrives while its limit of open groups is reached.
var ErrGroupLimit = errors.New("stream: too many open groups")

// GroupBy returns a stream that splits the values of s by key(v) into one
// sub-stream per key and passes on the values of f(k, sub) for each: f is
// called, in the goroutine running s, when a value of a new key k arrives,
// and builds the group's pipeline from sub, the stream of that key's values
// in order. The pipelines run concurrently, one goroutine each; their values
// reach yield one at a time, in the goroutine that runs the stream, in the
// order they arrive. The stream ends when s has ended and every pipeline has
// ended; sub ends when s ends.
//
// Bounds. At most maxGroups groups are open at once: a value of a new key
// beyond that fails the stream with an error matching [ErrGroupLimit]. A
// group whose pipeline has returned (a Take in it, say) is closed and no
// longer counts; a later value of its key opens a new group, calling f
// again, and values already sent to a closed group are dropped, as a Take
// drops the values after its last. Each group holds up to buffer values its
// pipeline has not taken yet.
//
// A slow group holds everyone back: once a group's buffer is full, the
// goroutine running s blocks until that group's pipeline takes a value, so
// no value is ever dropped for an open group, and the other groups get no
// new values meanwhile (backpressure, as [Stream.Buffer]). Give a group
// room for its bursts with buffer, or a [Stream.Buffer] of its own.
//
// The first error of s, of key, of f or of a pipeline, downstream stopping,
// or ctx ending stops s and every pipeline; all goroutines are joined before
// the stream returns. A panic in s, key, f or a pipeline becomes a
// [*future.PanicError], a runtime.Goexit the error future.ErrGoexit. f must
// not return a nil stream (that fails the stream). Each value costs two
// channel hops between goroutines (to its group, and from the group to the
// stream), and each group a goroutine and its buffer: bound maxGroups to
// what the machine can hold. GroupBy panics if s, key or f is nil, or if
// maxGroups or buffer is below 1.
func GroupBy[T any, K comparable, R any](s Stream[T], key func(T) K, maxGroups, buffer int, f func(K, Stream[T]) Stream[R]) Stream[R] {
	mustStream(s, "GroupBy")
	switch {
	case key == nil || f == nil:
		panic("stream: GroupBy with a nil function")
	case maxGroups < 1:
		panic("stream: GroupBy with a group limit below 1")
	case buffer < 1:
		panic("stream: GroupBy with a buffer size below 1")
	}
	return func(ctx context.Context, yield func(R) error) error {
		g := newGroup(ctx)
		defer g.stop()
		r := &router[T, K, R]{g: g, key: key, f: f, max: maxGroups, buffer: buffer,
			groups: make(map[K]*subgroup[T]), out: make(chan R)}
		r.live.Store(1)
		goOwned(g, func(ctx context.Context) error { return r.run(ctx, s) })
		return withCause(ctx, consume(ctx, g, r.out, yield))
	}
}

// router routes the values of one run of GroupBy to their groups. Its map is
// used only by the goroutine running s.
type router[T any, K comparable, R any] struct {
	g           *group
	key         func(T) K
	f           func(K, Stream[T]) Stream[R]
	max, buffer int
	groups      map[K]*subgroup[T]
	out         chan R
	live        atomic.Int32 // goroutines that may send on out; the last closes it
}

// subgroup is one open group: its buffer, and a channel closed when its
// pipeline has returned.
type subgroup[T any] struct {
	in    chan T
	ended chan struct{}
}

// run runs s, routing its values. When s ends normally it closes every
// group, whose pipelines then end in their turn; on a failure it leaves them
// to the cancellation of the group's context, so that no pipeline mistakes
// a failure for the end of its values.
func (r *router[T, K, R]) run(ctx context.Context, s Stream[T]) error {
	defer r.leave()
	if err := stopped(s(ctx, func(v T) error { return r.route(ctx, v) })); err != nil {
		return err
	}
	for _, sg := range r.groups {
		close(sg.in)
	}
	return nil
}

// leave is called by each goroutine that may send on out as it returns.
func (r *router[T, K, R]) leave() {
	if r.live.Add(-1) == 0 {
		close(r.out)
	}
}

// route sends v to its group, opening the group if needed. It blocks while
// the group's buffer is full.
func (r *router[T, K, R]) route(ctx context.Context, v T) error {
	k := r.key(v)
	for {
		sg, ok := r.groups[k]
		if !ok {
			var err error
			if sg, err = r.open(k); err != nil {
				return err
			}
		}
		select {
		case sg.in <- v:
			return nil
		case <-sg.ended:
			delete(r.groups, k) // closed: the next try opens a new group
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// open starts the pipeline of a new group of key k.
func (r *router[T, K, R]) open(k K) (*subgroup[T], error) {
	if len(r.groups) >= r.max {
		r.sweep()
		if len(r.groups) >= r.max {
			return nil, fmt.Errorf("%w: a new key beyond %d", ErrGroupLimit, r.max)
		}
	}
	sg := &subgroup[T]{in: make(chan T, r.buffer), ended: make(chan struct{})}
	pipe := r.f(k, FromChannel(sg.in))
	if pipe == nil {
		return nil, errors.New("stream: GroupBy function returned a nil stream")
	}
	r.groups[k] = sg
	r.live.Add(1)
	goOwned(r.g, func(ctx context.Context) error {
		defer r.leave()
		defer close(sg.ended)
		return stopped(pipe(ctx, func(v R) error { return send(ctx, r.out, v) }))
	})
	return sg, nil
}

// sweep forgets the groups whose pipelines have returned.
func (r *router[T, K, R]) sweep() {
	for k, sg := range r.groups {
		select {
		case <-sg.ended:
			delete(r.groups, k)
		default:
		}
	}
}
