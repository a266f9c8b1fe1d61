package natsdemux

import "github.com/goresult/goresult/future/demux"

// Stats counts a [Client]'s requests and replies, as [Client.Stats]
// reports them.
type Stats struct {
	demux.Stats        // the requests, and the Late replies (gathers' included)
	Malformed   uint64 // messages on the inbox that name no request: dropped
	Dropped     uint64 // replies the inbox subscription dropped as a slow consumer (nats.go's count)
}
