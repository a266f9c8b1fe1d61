// Package nilcheck tells whether an interface value is nil, or holds a nil
// pointer (a typed nil), so that goresult's functions reject both at the
// call that received them.
package nilcheck

import "reflect"

// Is reports whether v is nil or holds a nil pointer, map, slice, channel or
// function. It does not allocate.
func Is(v any) bool {
	if v == nil {
		return true
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return rv.IsNil()
	}
	return false
}
