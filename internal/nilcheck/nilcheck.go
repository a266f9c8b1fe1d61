// Package nilcheck tells whether an interface value is nil, or holds a nil
// pointer (a typed nil), so that goresult's functions reject both at the
// call that received them.
package nilcheck

import (
	"reflect"
	"unsafe"
)

// Is reports whether v is nil or holds a nil pointer, map, channel or
// function. It does not allocate, and costs about a nanosecond: it is called
// once per input of every operator.
//
// Those kinds are stored in an interface as the pointer itself, so a nil one
// leaves the interface's data word nil; every other kind is stored behind a
// pointer, which is never nil.
func Is(v any) bool {
	if v == nil {
		return true
	}
	switch reflect.TypeOf(v).Kind() {
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return (*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1] == nil
	}
	return false
}
