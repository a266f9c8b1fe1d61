package main

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/goresult/goresult/stream"
)

// heartbeat returns a stream of a Heartbeat event every d. stream.Ticker
// starts no goroutine; its time.Ticker is stopped when the stream ends.
func heartbeat(d time.Duration) stream.Stream[Event] {
	return stream.Map(stream.Ticker(d), func(time.Time) Event {
		return Event{Kind: Heartbeat, Source: "heartbeat"}
	})
}

// sensor returns a stream of the readings of a simulated thermometer, one
// every d: a slow drift around 21°C, and now and then the 85°C a DS18B20
// reports after a power glitch. Events read one at a time are what
// Generate is for; the wrapper gives each run a fresh random source, so
// that a run is reproducible.
func sensor(name string, d time.Duration, seed uint64) stream.Stream[Event] {
	return func(ctx context.Context, yield func(Event) error) error {
		rng := rand.New(rand.NewPCG(seed, 0x7e))
		celsius := 21.0
		return stream.Generate(func(ctx context.Context) (Event, error) {
			if err := sleep(ctx, d); err != nil {
				return Event{}, err
			}
			celsius += (rng.Float64()-0.5)*0.4 + (21-celsius)*0.1
			reading := celsius
			if rng.IntN(25) == 0 {
				reading = 85
			}
			return Event{Kind: Reading, Source: name, Celsius: reading}, nil
		})(ctx, yield)
	}
}

// userActions returns a stream of user actions that a goroutine sends on a
// channel, as a network handler or a UI loop would. The stream owns the
// goroutine: it starts it when run and, whatever ends the run, cancels its
// context and waits for it before returning.
func userActions(seed uint64) stream.Stream[Event] {
	return func(ctx context.Context, yield func(Event) error) error {
		ctx, cancel := context.WithCancel(ctx)
		ch := make(chan Event)
		var wg sync.WaitGroup
		wg.Go(func() { simulateUsers(ctx, ch, seed) })
		defer wg.Wait() // second: the goroutine has exited
		defer cancel()  // first: tell it to stop
		return stream.FromChannel(ch)(ctx, yield)
	}
}

// simulateUsers sends an action on ch every 50 to 400ms until ctx ends, then
// closes ch. It never blocks on a send once ctx has ended.
func simulateUsers(ctx context.Context, ch chan<- Event, seed uint64) {
	defer close(ch)
	rng := rand.New(rand.NewPCG(seed, 0x05e5))
	users := []string{"alice", "bob", "carol"}
	actions := []string{"logs in", "opens the dashboard", "acknowledges an alert", "changes the setpoint", "logs out"}
	for {
		if sleep(ctx, time.Duration(50+rng.IntN(350))*time.Millisecond) != nil {
			return
		}
		e := Event{Kind: Action, Source: users[rng.IntN(len(users))], Action: actions[rng.IntN(len(actions))]}
		select {
		case ch <- e:
		case <-ctx.Done():
			return
		}
	}
}

// sleep waits for d, or returns ctx's error if ctx ends first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
