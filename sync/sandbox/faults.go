package sandbox

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Faults make the config API misbehave on purpose, for the reliability tests of the job
// engine. Shares are fractions of requests (0..1, together at most 1); one die decides
// per request which fault, if any, it gets.
type Faults struct {
	Latency  time.Duration // added before every config API request
	Error500 float64       // answered 500 without being processed
	Error503 float64       // answered 503 without being processed
	Reset    float64       // connection reset before the request is processed
	Lost     float64       // processed, then the connection is reset: the answer is lost
	Extra429 float64       // answered 429 whatever the rate limiter says
}

// ParseFaults reads a spec such as "latency=50ms,500=0.05,503=0.02,reset=0.01,429=0.05"
// (also lost=SHARE). An empty spec means no faults.
func ParseFaults(spec string) (Faults, error) {
	var f Faults
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		key, val, ok := strings.Cut(part, "=")
		if !ok {
			return f, fmt.Errorf("faults %q: %q is not key=value", spec, part)
		}
		if err := f.set(strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(val)); err != nil {
			return f, fmt.Errorf("faults %q: %w", spec, err)
		}
	}
	return f, f.check()
}

func (f *Faults) set(key, val string) error {
	if key == "latency" {
		d, err := time.ParseDuration(val)
		if err != nil || d < 0 {
			return fmt.Errorf("latency %q is not a duration such as 50ms", val)
		}
		f.Latency = d
		return nil
	}
	share, err := strconv.ParseFloat(val, 64)
	if err != nil {
		return fmt.Errorf("%s=%q: want a share between 0 and 1", key, val)
	}
	switch key {
	case "500":
		f.Error500 = share
	case "503":
		f.Error503 = share
	case "reset":
		f.Reset = share
	case "lost":
		f.Lost = share
	case "429":
		f.Extra429 = share
	default:
		return fmt.Errorf("unknown fault %q (want latency, 500, 503, reset, lost or 429)", key)
	}
	return nil
}

func (f Faults) check() error {
	sum := 0.0
	for _, s := range f.shares() {
		if s < 0 || s > 1 {
			return fmt.Errorf("faults: share %v is outside 0..1", s)
		}
		sum += s
	}
	if sum > 1.0000001 {
		return fmt.Errorf("faults: shares add up to %.3f, more than 1", sum)
	}
	if f.Latency < 0 {
		return fmt.Errorf("faults: negative latency %s", f.Latency)
	}
	return nil
}

func (f Faults) shares() []float64 {
	return []float64{f.Error500, f.Error503, f.Reset, f.Lost, f.Extra429}
}

// String is the spec ParseFaults reads back.
func (f Faults) String() string {
	var parts []string
	if f.Latency > 0 {
		parts = append(parts, "latency="+f.Latency.String())
	}
	for i, name := range []string{"500", "503", "reset", "lost", "429"} {
		if s := f.shares()[i]; s > 0 {
			parts = append(parts, name+"="+strconv.FormatFloat(s, 'g', -1, 64))
		}
	}
	return strings.Join(parts, ",")
}

// fault is what the die decided for one request.
type fault int

const (
	noFault fault = iota
	fault500
	fault503
	faultReset
	faultLost
	fault429
)

// dice draws faults; it is safe for concurrent use.
type dice struct {
	mu  sync.Mutex
	rnd *rand.Rand
	f   Faults
}

func newDice(f Faults, seed uint64) *dice {
	if seed == 0 {
		seed = rand.Uint64()
	}
	return &dice{rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), f: f}
}

func (d *dice) roll() fault {
	d.mu.Lock()
	u := d.rnd.Float64()
	d.mu.Unlock()
	for i, s := range d.f.shares() {
		if u < s {
			return fault(i + 1)
		}
		u -= s
	}
	return noFault
}
