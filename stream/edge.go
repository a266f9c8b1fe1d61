package stream

// Edge says which values of a window [Stream.Throttle] passes on: the one
// that opens it, the last one in it, or both. Combine them with |.
type Edge int

const (
	// Leading passes on the value that opens a window, at once.
	Leading Edge = 1 << iota

	// Trailing passes on the last value that arrived in a window and was
	// not passed on yet, when the window closes.
	Trailing
)

// valid reports whether e is Leading, Trailing or both.
func (e Edge) valid() bool {
	return e == Leading || e == Trailing || e == Leading|Trailing
}
