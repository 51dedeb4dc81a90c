package bulk

import (
	"time"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/ui/words"
)

// durationText says how long something takes as people write it, in the window's
// language (i18n.Duration): "1 min 41 s", "under a second" rather than Go's "0s".
func durationText(d time.Duration) string { return i18n.Duration(d).In(words.Language()) }
