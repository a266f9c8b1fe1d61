// Package stream carries many values through chains of operators, for
// pipelines and event-driven programs.
//
// A [Stream] is cold and push-based: it is a function that, when run, pushes
// its values one by one to a yield function, and nothing happens until a sink
// runs it. Operators are function composition, so a chain of Map and Filter
// costs a function call per value, not a goroutine and a channel hop per
// stage; goroutines and channels appear only where concurrency is the point.
package stream
