package demux

// Stats counts the calls of a [Table], as [Table.Stats] reports them. Every
// call added is Pending until it settles, and then counted once in
// Completed, Failed or Cancelled.
type Stats struct {
	Pending   int    // calls added and not settled yet
	Completed uint64 // calls resolved with a value
	Failed    uint64 // calls failed by Reject, FailAll or Close
	Cancelled uint64 // calls cancelled, or whose context ended
	Late      uint64 // replies dropped: unknown, expired or already settled ID
}
