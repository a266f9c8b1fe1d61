package main

// Kind is the kind of an Event.
type Kind int

const (
	Heartbeat Kind = iota // the program is alive
	Reading               // a sensor measured a temperature
	Action                // a user did something
)

// String returns the kind's name, as the output prints it.
func (k Kind) String() string {
	switch k {
	case Heartbeat:
		return "heartbeat"
	case Reading:
		return "reading"
	case Action:
		return "action"
	}
	return "unknown"
}

// Event is one event from any source.
type Event struct {
	Kind    Kind
	Source  string  // "heartbeat", the sensor's or the user's name
	Celsius float64 // a Reading's temperature
	Action  string  // an Action's description
}
