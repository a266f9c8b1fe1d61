package stream_test

import (
	"slices"
	"strconv"
	"testing"
)

// TestTapSeesEveryValueFirst: Tap's f sees each value before downstream.
func TestTapSeesEveryValueFirst(t *testing.T) {
	var log []string
	err := upTo(3).Tap(func(v int) { log = append(log, "tap "+strconv.Itoa(v)) }).
		ForEach(t.Context(), func(v int) error { log = append(log, "sink "+strconv.Itoa(v)); return nil })
	want := []string{"tap 1", "sink 1", "tap 2", "sink 2", "tap 3", "sink 3"}
	if err != nil || !slices.Equal(log, want) {
		t.Errorf("got %v, %v; want %v, nil", log, err, want)
	}
}
