module github.com/goresult/goresult/future/demux/natsdemux

go 1.25.0

require (
	github.com/goresult/goresult v0.0.0
	github.com/nats-io/nats.go v1.53.1
	go.uber.org/goleak v1.3.0
)

require (
	github.com/klauspost/compress v1.18.5 // indirect
	github.com/nats-io/nkeys v0.4.15 // indirect
	github.com/nats-io/nuid v1.0.1 // indirect
	github.com/samber/lo v1.53.0 // indirect
	golang.org/x/crypto v0.49.0 // indirect
	golang.org/x/sys v0.42.0 // indirect
	golang.org/x/text v0.35.0 // indirect
)

replace github.com/goresult/goresult => ../../..
