package stream

// Overflow says what a [Shared] stream does with a value for a consumer
// whose buffer is full.
type Overflow int

const (
	// Backpressure blocks the source until the slow consumer takes a value
	// (or leaves): every consumer gets every value, at the pace of the
	// slowest.
	Backpressure Overflow = iota

	// DropNewest drops the value for the slow consumer only, and counts it
	// ([Shared.Dropped]): the source and the other consumers go on at their
	// own pace.
	DropNewest
)
