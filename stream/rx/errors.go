package rx

import (
	"fmt"
	"reflect"
)

// TypeError is the error of a stream made by [FromObservable] when the
// observable emits an item whose value does not have the stream's element
// type. Match it with errors.As:
//
//	var te *rx.TypeError
//	if errors.As(err, &te) { ... te.Value ... }
type TypeError struct {
	Value any          // the value of the item, as the observable emitted it
	Index int          // the item's position among the observable's items, from 0
	Want  reflect.Type // the stream's element type
}

// Error returns "rx: item N has type X, want Y".
func (e *TypeError) Error() string {
	return fmt.Sprintf("rx: item %d has type %T, want %v", e.Index, e.Value, e.Want)
}
