// Package natsdemux carries goresult's results across machines on NATS:
// a request is a [future.Result] that composes with ops.Race, ops.All,
// ops.Merge and ops.Timeout, and a stream stage scales out across worker
// processes.
//
// On the requesting side, a [Client] holds one wildcard inbox
// subscription and one demux.Table per connection: [Client.Request] sends
// a raw *nats.Msg, an [Endpoint] sends typed values through a [Codec], and
// each returns a [*Call] that settles once, with the reply, the worker's
// error, the context's error or the connection's. No goroutine waits for a
// pending request. [Endpoint.Gather] collects the replies of many
// responders as a stream.Stream that ends on a count, a stall or a
// sentinel ([Until]); an incomplete end is a [*GatherError] that says how
// many came. [Remote] turns a subject into the function that
// stream.ParallelMap takes, so one stage of a pipeline moves to NATS
// workers with no other change.
//
// On the working side, a [Worker] serves a typed function on a subject, in
// a queue group, n requests at a time per process. Its errors and panics
// travel back as errors, in NATS micro's error headers so that NATS tooling
// reads them too ([*ServiceError]).
//
// Its runnable examples and its tests against a real, embedded nats-server
// are in the module internal/natstest, so that this one does not require
// nats-server.
//
// # Deadlines and cancellation
//
// A request's deadline travels with it (the Goresult-Timeout header: the
// time left when it was sent), and the worker's context ends then. When a
// pending request is cancelled (its [Call.Cancel], an operator cancelling a
// loser, its context's cancellation, or [Client.Close]), the client
// publishes a cancel message on "_GORESULT.CANCEL." followed by the
// request's subject, which every [Worker] of that subject listens to: the
// worker's context is cancelled with a [*CancelError] that matches the
// requester's cause with errors.Is (ops.ErrLost for a lost race,
// ops.ErrTimeout, context.Canceled, demux.ErrClosed). A reply that comes
// after its request settled is counted in [Stats].Late and dropped.
//
// # Connection events
//
// By default, while the connection is down, pending requests wait for
// their deadlines: nats.go buffers what is published meanwhile and replies
// can survive a short outage. Give requests a deadline, or use
// [FailOnDisconnect], which fails them at once with an error matching
// demux.ErrConnLost, as it fails requests made while down. A connection
// closed for good fails every pending request so. A request no one
// received fails with nats.ErrNoResponders ([RetryNoResponders] retries
// it: nobody got it, so sending it again is safe). If the inbox
// subscription drops replies (a slow consumer), the requests that may have
// lost theirs fail with an error matching [ErrRepliesDropped] and
// nats.ErrSlowConsumer, not with a timeout.
//
// # Cost
//
// Measured on loopback against an embedded server, on 2 shared cores
// (internal/natstest's benchmarks, medians of 5 interleaved runs): a burst
// of 10,000 requests from one goroutine ran at about 160k requests/s with
// 24 goroutines in the process, 2.7 times nc.RequestWithContext with a
// goroutine per request (59k/s, 10,000 goroutines), with a p99 latency of
// 81 ms against 200 ms. Callers that each wait for their reply (closed
// loops of 1, 64 and 1,024) run on par with nc.RequestWithContext (within
// 16%, either way), and 8 to 76 times a connection per request.
//
// # Versions
//
// This is a module of its own, so that only its users require nats.go. It
// requires nats.go v1.53.1, the last release that declares go 1.25.0, so it
// builds with the same Go as the core module; newer nats.go releases, which
// need Go 1.26, work as well (the server-backed tests run against
// nats-server v2.15.2, which requires v1.53.1 itself).
package natsdemux
