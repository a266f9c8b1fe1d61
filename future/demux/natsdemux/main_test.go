package natsdemux_test

import (
	"testing"

	"go.uber.org/goleak"
)

// The tests against a real, embedded nats-server are in the module
// internal/natstest, so that this module does not require nats-server.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
