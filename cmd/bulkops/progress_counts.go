package main

import (
	"sync"

	"github.com/bulkops/bulkops/internal/i18n"
	prog "github.com/bulkops/bulkops/internal/progress"
)

// exportCounts shows an export's counts on p under label: the objects listed (of the
// total when the server says it), then those read one by one. last shows the final
// count once the export has read everything.
func exportCounts(p *progress, label string) (counted prog.Func, last func()) {
	var mu sync.Mutex
	var seen prog.Count
	show := func(c prog.Count, final bool) {
		detail := ""
		if c.Step == prog.Fetching {
			detail = say("reading each by itself")
		}
		if c.Total > 0 {
			p.update(label, detail, c.Done, c.Total, final)
			return
		}
		p.updateShare(label, withDetail(detail, i18n.N(c.Done, "%d object read", "%d objects read").In(cliLanguage())), -1, final)
	}
	counted = func(c prog.Count) {
		mu.Lock()
		defer mu.Unlock()
		seen = c
		show(c, false)
	}
	last = func() {
		mu.Lock()
		defer mu.Unlock()
		if seen.Done > 0 {
			show(seen, true)
		}
	}
	return counted, last
}

// packCounts shows the records a pack has read on p under label, with the share of its
// input read where that is known, and their number at the end.
func packCounts(p *progress, label string) prog.Func {
	return func(c prog.Count) {
		if c.Total > 0 {
			p.update(label, "", c.Done, c.Total, true)
			return
		}
		share := c.Share
		if share <= 0 {
			share = -1
		}
		p.updateShare(label, i18n.N(c.Done, "%d record read", "%d records read").In(cliLanguage()), share, false)
	}
}
