package ops_test

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/samber/lo"

	"github.com/goresult/goresult/future"
	"github.com/goresult/goresult/ops"
)

// The property: any tree of operators over futures settled in any order
// settles each node exactly when, and with exactly what, a straightforward
// model says. The model gives each node an outcome and the time it settles:
// leaves settle at distinct times 1, 2, ... (0 for leaves settled before the
// tree is built), and an operator's time follows from its children's. Errors
// are compared by message, which the model builds as the operators do.
//
// The model also says what is cancelled: each leaf is cancellable, and the
// test cancels a random node at a random time; the losers of Race and Any
// are cancelled as they lose. The leaves the model says are cancelled, with
// which causes, are exactly the leaves that are. And every slice handed to an
// operator is overwritten after the call, which must change nothing.

// outcome is the model of a settled result: a value, or an error message.
type outcome struct {
	time int    // when it settles
	val  int    // its value if msg is empty
	msg  string // its error's message, or "" on success
}

func (o outcome) failed() bool { return o.msg != "" }

// node is a result of the tree beside its model.
type node struct {
	r    future.Result[int]
	want outcome
	m    *shape
}

// shape is what the cancellation model needs of a node.
type shape struct {
	kind   string // "leaf", "map", "catch", "then", "all", "settled", "race", "any" or "join"
	kids   []node // the inputs; for "then", its input and then the result its function may return
	leaf   *cancelLeaf
	causes map[string]bool // leaf: the causes it must be cancelled with; then: the causes it recorded
}

func (n node) doneAt(now int) bool { return n.want.time <= now }

// cancelLeaf is a leaf future that records what it is cancelled with while
// pending, as a task would be.
type cancelLeaf struct {
	*future.Future[int]
	causes map[string]bool
}

func (l *cancelLeaf) Cancel(cause error) {
	if !l.IsDone() {
		l.causes[cause.Error()] = true
	}
}

// leaf is a future of the tree and what to settle it with, and when.
type leaf struct {
	f    *future.Future[int]
	want outcome
	m    *shape
}

type treeGen struct {
	rng    *rand.Rand
	times  []int // unused settle times, shuffled
	leaves []leaf
	nodes  []node
}

func TestOperatorTreesProperty(t *testing.T) {
	seeds := 400
	if testing.Short() {
		seeds = 50
	}
	for seed := range uint64(seeds) {
		g := &treeGen{rng: rand.New(rand.NewPCG(seed, 0x9e3779b9))}
		g.times = g.rng.Perm(64)
		for i := range g.times {
			g.times[i]++
		}
		root := g.gen(0)
		victim, cancelAt := g.nodes[g.rng.IntN(len(g.nodes))], g.rng.IntN(65)
		g.decide(0)
		g.cancelAt(0, victim, cancelAt)
		g.check(t, seed, 0, root)
		slices.SortFunc(g.leaves, func(a, b leaf) int { return cmp.Compare(a.want.time, b.want.time) })
		for _, l := range g.leaves {
			if l.want.time == 0 {
				continue
			}
			if l.want.failed() {
				l.f.SetError(errors.New(l.want.msg))
			} else {
				l.f.SetResult(l.want.val)
			}
			g.decide(l.want.time)
			g.cancelAt(l.want.time, victim, cancelAt)
			g.check(t, seed, l.want.time, root)
		}
		g.checkCancelled(t, seed)
		if t.Failed() {
			return
		}
	}
}

// check compares every node with its model at time now.
func (g *treeGen) check(t *testing.T, seed uint64, now int, root node) {
	t.Helper()
	for i, n := range g.nodes {
		want := n.want.time <= now
		if got := n.r.IsDone(); got != want {
			t.Errorf("seed %d, time %d, node %d (root %v): IsDone %v, want %v (model %+v)", seed, now, i, n.r == root.r, got, want, n.want)
			continue
		}
		if !want {
			continue
		}
		v, err := n.r.Get()
		switch {
		case n.want.failed() && (err == nil || err.Error() != n.want.msg):
			t.Errorf("seed %d, time %d, node %d: got %v, %v; want error %q", seed, now, i, v, err, n.want.msg)
		case !n.want.failed() && (err != nil || v != n.want.val):
			t.Errorf("seed %d, time %d, node %d: got %v, %v; want %v", seed, now, i, v, err, n.want.val)
		}
	}
}

// gen builds a random tree and its model, and records its nodes.
func (g *treeGen) gen(depth int) node {
	var n node
	kind := g.rng.IntN(9)
	if depth >= 4 || kind == 0 {
		n = g.leaf()
	} else {
		switch kind {
		case 1:
			n = g.mapNode(g.gen(depth + 1))
		case 2:
			n = g.catchNode(g.gen(depth + 1))
		case 3:
			n = g.thenNode(g.gen(depth+1), g.gen(depth+1))
		case 4:
			n = g.allNode(g.children(depth))
		case 5:
			n = g.settledNode(g.children(depth))
		case 6:
			n = g.raceNode(g.children(depth))
		case 7:
			n = g.anyNode(g.children(depth))
		case 8:
			n = g.joinNode(g.gen(depth+1), g.gen(depth+1))
		}
	}
	g.nodes = append(g.nodes, n)
	return n
}

func (g *treeGen) children(depth int) []node {
	cs := make([]node, 1+g.rng.IntN(4))
	for i := range cs {
		cs[i] = g.gen(depth + 1)
	}
	return cs
}

func results(ns []node) []future.Result[int] {
	rs := make([]future.Result[int], len(ns))
	for i, n := range ns {
		rs[i] = n.r
	}
	return rs
}

// leaf makes a future settled now (time 0) or later, with a value or error.
func (g *treeGen) leaf() node {
	want := outcome{val: g.rng.IntN(1000)}
	if g.rng.IntN(4) == 0 {
		want.msg = fmt.Sprintf("leaf %d", len(g.leaves))
	}
	f := future.New[int]()
	if g.rng.IntN(5) == 0 {
		if want.failed() {
			f.SetError(errors.New(want.msg))
		} else {
			f.SetResult(want.val)
		}
	} else {
		want.time, g.times = g.times[0], g.times[1:]
	}
	cl := &cancelLeaf{Future: f, causes: map[string]bool{}}
	m := &shape{kind: "leaf", leaf: cl, causes: map[string]bool{}}
	g.leaves = append(g.leaves, leaf{f: f, want: want, m: m})
	return node{r: cl, want: want, m: m}
}

// mapFn fails for multiples of 5 and panics for 3 mod 7.
func mapFn(v int) (int, error) {
	switch {
	case v%7 == 3:
		panic(fmt.Sprint("map panic ", v))
	case v%5 == 0:
		return 0, fmt.Errorf("map %d", v)
	}
	return (v*3 + 1) % 1000, nil
}

func (g *treeGen) mapNode(c node) node {
	want := c.want
	if !want.failed() {
		switch v := want.val; {
		case v%7 == 3:
			want.msg = fmt.Sprint("future: panic: map panic ", v)
		case v%5 == 0:
			want.msg = fmt.Sprintf("map %d", v)
		default:
			want.val = (v*3 + 1) % 1000
		}
	}
	return node{r: ops.Map(c.r, mapFn), want: want, m: &shape{kind: "map", kids: []node{c}}}
}

// catchFn rethrows leaf errors and recovers from the others.
func catchFn(err error) (int, error) {
	if strings.HasPrefix(err.Error(), "leaf") {
		return 0, err
	}
	return len(err.Error()) % 100, nil
}

func (g *treeGen) catchNode(c node) node {
	want := c.want
	if want.failed() && !strings.HasPrefix(want.msg, "leaf") {
		want.val, want.msg = len(want.msg)%100, ""
	}
	return node{r: ops.Catch(c.r, catchFn), want: want, m: &shape{kind: "catch", kids: []node{c}}}
}

// thenNode continues with inner for multiples of 3, with a value otherwise.
func (g *treeGen) thenNode(c, inner node) node {
	want := c.want
	if !want.failed() {
		if want.val%3 == 0 {
			want = inner.want
			want.time = max(c.want.time, inner.want.time)
		} else {
			want.val = (want.val + 2) % 1000
		}
	}
	r := ops.Then(c.r, func(v int) future.Result[int] {
		if v%3 == 0 {
			return inner.r
		}
		return future.Resolved((v + 2) % 1000)
	})
	return node{r: r, want: want, m: &shape{kind: "then", kids: []node{c, inner}, causes: map[string]bool{}}}
}

// first returns the index of the earliest of cs that ok accepts, by time
// and then by index, or -1.
func first(cs []node, ok func(outcome) bool) int {
	best := -1
	for i, c := range cs {
		if ok(c.want) && (best < 0 || c.want.time < cs[best].want.time) {
			best = i
		}
	}
	return best
}

func latest(cs []node) int {
	t := 0
	for _, c := range cs {
		t = max(t, c.want.time)
	}
	return t
}

func sum(vs []int) (int, error) {
	s := 0
	for _, v := range vs {
		s += v
	}
	return s % 1000, nil
}

func (g *treeGen) allNode(cs []node) node {
	var want outcome
	if i := first(cs, outcome.failed); i >= 0 {
		want = cs[i].want
	} else {
		want.time = latest(cs)
		for _, c := range cs {
			want.val = (want.val + c.want.val) % 1000
		}
	}
	rs := results(cs)
	r := ops.Map(ops.All(rs...), sum)
	g.reuse(rs)
	return node{r: r, want: want, m: &shape{kind: "all", kids: cs}}
}

func (g *treeGen) settledNode(cs []node) node {
	want := outcome{time: latest(cs)}
	for _, c := range cs {
		if c.want.failed() {
			want.val += len(c.want.msg)
		} else {
			want.val += c.want.val
		}
	}
	want.val %= 1000
	in := results(cs)
	defer g.reuse(in)
	r := ops.Map(ops.AllSettled(in...), func(rs []future.Result[int]) (int, error) {
		s := 0
		for _, r := range rs {
			v, err := r.Get()
			if err != nil {
				v = len(err.Error())
			}
			s += v
		}
		return s % 1000, nil
	})
	return node{r: r, want: want, m: &shape{kind: "settled", kids: cs}}
}

func (g *treeGen) raceNode(cs []node) node {
	want := cs[first(cs, func(outcome) bool { return true })].want
	rs := results(cs)
	r := ops.Race(rs...)
	g.reuse(rs)
	return node{r: r, want: want, m: &shape{kind: "race", kids: cs}}
}

func (g *treeGen) anyNode(cs []node) node {
	var want outcome
	if i := first(cs, func(o outcome) bool { return !o.failed() }); i >= 0 {
		want = cs[i].want
	} else {
		msgs := make([]error, len(cs))
		for i, c := range cs {
			msgs[i] = errors.New(c.want.msg)
		}
		want = outcome{time: latest(cs), msg: (&ops.AnyError{Errs: msgs}).Error()}
	}
	rs := results(cs)
	r := ops.Any(rs...)
	g.reuse(rs)
	return node{r: r, want: want, m: &shape{kind: "any", kids: cs}}
}

func (g *treeGen) joinNode(a, b node) node {
	var want outcome
	if i := first([]node{a, b}, outcome.failed); i >= 0 {
		want = []node{a, b}[i].want
	} else {
		want = outcome{time: max(a.want.time, b.want.time), val: (a.want.val*31 + b.want.val) % 1000}
	}
	r := ops.Map(ops.Join2(a.r, b.r), func(t lo.Tuple2[int, int]) (int, error) {
		return (t.A*31 + t.B) % 1000, nil
	})
	return node{r: r, want: want, m: &shape{kind: "join", kids: []node{a, b}}}
}

// reuse overwrites a slice handed to an operator, as a batching loop would:
// the operator must not see it.
func (g *treeGen) reuse(rs []future.Result[int]) {
	for i := range rs {
		rs[i] = future.New[int]() // never settled
	}
}

// decide applies, at time now, the cancellations of the Race and Any nodes
// that are decided then: every input but the winner, with ErrLost. It also
// applies the causes a Then recorded before its function returned a
// pending result.
func (g *treeGen) decide(now int) {
	for _, n := range g.nodes {
		var winner int
		switch {
		case n.want.time != now:
			continue
		case n.m.kind == "race":
			winner = first(n.m.kids, func(outcome) bool { return true })
		case n.m.kind == "any":
			if winner = first(n.m.kids, func(o outcome) bool { return !o.failed() }); winner < 0 {
				continue // all failed: nothing to cancel
			}
		default:
			continue
		}
		for i, k := range n.m.kids {
			if i != winner {
				cancelModel(k, now, ops.ErrLost.Error())
			}
		}
	}
	for _, n := range g.nodes {
		if c := n.m.kids; n.m.kind == "then" && c[0].want.time == now && !c[0].doneAt(now-1) {
			for cause := range n.m.causes {
				if next, ok := thenNext(n, now); ok {
					cancelModel(next, now, cause)
				}
			}
		}
	}
}

// thenNext returns the result a Then node's function has returned by now,
// if that result is the inner node.
func thenNext(n node, now int) (node, bool) {
	c := n.m.kids[0]
	if !c.doneAt(now) || c.want.failed() || c.want.val%3 != 0 {
		return node{}, false
	}
	return n.m.kids[1], true
}

// cancelAt cancels the victim at time at, in the tree and in the model.
func (g *treeGen) cancelAt(now int, victim node, at int) {
	if now != at {
		return
	}
	victim.r.(future.Canceler).Cancel(errors.New("explicit"))
	cancelModel(victim, now, "explicit")
}

// cancelModel is what cancelling n at time now cancels, by the model: a
// pending leaf records the cause; a pending operator passes it to its
// pending inputs (a Then to the result its function returned, once there is
// one, and it keeps the cause for that result if it comes later).
func cancelModel(n node, now int, cause string) {
	if n.doneAt(now) {
		return
	}
	switch n.m.kind {
	case "leaf":
		n.m.causes[cause] = true
	case "then":
		n.m.causes[cause] = true
		if next, ok := thenNext(n, now); ok {
			cancelModel(next, now, cause)
		} else {
			cancelModel(n.m.kids[0], now, cause)
		}
	default:
		for _, k := range n.m.kids {
			cancelModel(k, now, cause)
		}
	}
}

// checkCancelled compares what each leaf was cancelled with to the model.
func (g *treeGen) checkCancelled(t *testing.T, seed uint64) {
	t.Helper()
	for i, l := range g.leaves {
		got, want := l.m.leaf.causes, l.m.causes
		if fmt.Sprint(sortedKeys(got)) != fmt.Sprint(sortedKeys(want)) {
			t.Errorf("seed %d, leaf %d (settles at %d): cancelled with %v, want %v", seed, i, l.want.time, sortedKeys(got), sortedKeys(want))
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	ks := slices.Collect(maps.Keys(m))
	slices.Sort(ks)
	return ks
}
