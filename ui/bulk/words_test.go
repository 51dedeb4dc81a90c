package bulk

import (
	"testing"
	"time"
)

// Durations read as people write them: not "0s", nor "1m41s".
func TestDurationText(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "under a second", 400 * time.Millisecond: "under a second", 41 * time.Second: "41 s",
		101 * time.Second: "1 min 41 s", 2 * time.Minute: "2 min", 125 * time.Minute: "2 h 5 min",
	} {
		if got := durationText(d); got != want {
			t.Errorf("%v reads %q; want %q", d, got, want)
		}
	}
}
