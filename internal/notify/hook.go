package notify

// Subscribe and Unsubscribe let package ops register a Waiter on a result of
// package future without the closure that future.AfterFunc's stop function
// costs. Package future sets them in its init function, which has run before
// any code that can hold one of its results.
var (
	// Subscribe adds w to r's waiters and returns its handle and true, if r
	// is a result of package future. If r is already settled, it calls
	// w.Notify at once and returns None. For any other r it returns false
	// and does nothing.
	Subscribe func(r any, w Waiter) (h Handle, ok bool)

	// Unsubscribe removes the waiter h names from r's waiters and reports
	// whether it was still there.
	Unsubscribe func(r any, h Handle) bool
)
