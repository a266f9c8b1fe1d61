package bench

// goresultStream returns the goresult column of W7.
// TODO(issue 5): add it once stream.Map and stream.Filter exist.
func goresultStream() []Approach { return nil }

// goresultParallel returns the goresult column of W8.
// TODO(issue 5): add it once stream.ParallelMap exists.
func goresultParallel() []Approach { return nil }
