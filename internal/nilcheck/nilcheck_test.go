package nilcheck_test

import (
	"testing"

	"github.com/goresult/goresult/internal/nilcheck"
)

type result struct{}

func (*result) Done() <-chan struct{} { return nil }

func TestIs(t *testing.T) {
	var typedNil *result
	var doner interface{ Done() <-chan struct{} } = typedNil
	var fn func()
	tests := []struct {
		name string
		v    any
		want bool
	}{
		{"nil", nil, true},
		{"typed nil pointer", typedNil, true},
		{"typed nil in an interface", doner, true},
		{"nil func", fn, true},
		{"pointer", &result{}, false},
		{"struct", result{}, false},
		{"int", 0, false},
	}
	for _, tt := range tests {
		if got := nilcheck.Is(tt.v); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
	p := &result{}
	if n := testing.AllocsPerRun(100, func() { nilcheck.Is(p) }); n != 0 {
		t.Errorf("got %v allocations, want 0", n)
	}
}
