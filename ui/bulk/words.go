package bulk

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"
)

// durationText says how long something takes as people write it, in either language:
// "1 min 41 s", "41 s", "2 h 5 min", and "under a second" rather than Go's "0s".
func durationText(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	switch {
	case d < time.Second:
		return lang.L("under a second")
	case h > 0:
		return fmt.Sprintf("%d h %d min", h, m)
	case m > 0 && s > 0:
		return fmt.Sprintf("%d min %d s", m, s)
	case m > 0:
		return fmt.Sprintf("%d min", m)
	}
	return fmt.Sprintf("%d s", s)
}
