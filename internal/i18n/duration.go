package i18n

import (
	"fmt"
	"time"
)

// Duration is how long something takes as people write it, in either language: "1 min
// 41 s", "41 s", "2 h 5 min", and "under a second" rather than Go's "0s" or "6m46s".
// The command line and the window both say it so.
func Duration(d time.Duration) Msg {
	d = d.Round(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	switch {
	case d < time.Second:
		return M("under a second")
	case h > 0:
		return Raw(fmt.Sprintf("%d h %d min", h, m))
	case m > 0 && s > 0:
		return Raw(fmt.Sprintf("%d min %d s", m, s))
	case m > 0:
		return Raw(fmt.Sprintf("%d min", m))
	}
	return Raw(fmt.Sprintf("%d s", s))
}
