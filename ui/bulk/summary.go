package bulk

import (
	"strings"
	"time"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/words"
)

// maxListed bounds the findings listed in the summary; the editor shows them all.
const maxListed = 12

// showCheck shows what a check found and enables Submit when nothing blocks it.
func (p *importPanel) showCheck(c *importCheck) {
	p.checked = c
	org := p.f.b.target.OrgLabel()
	text := summaryText(c, org)
	if copying := p.copyText(c); copying != "" {
		text = copying + "\n" + text
	}
	p.summary.SetText(text)
	p.showChanges(c)
	if p.from.Selected == importEditor() {
		p.warnEditor(c)
	}
	if len(c.Own) > 0 {
		p.own.SetText(words.T("Rows with errors of their own: %d. Fix them before submitting:", c.OwnRows()) + "\n" + findingLines(c.Own, maxListed))
		p.own.Show()
	}
	if len(c.Org) > 0 {
		p.org.SetText(words.T("Rows that will fail in %s: %d. Fix them first, or submit anyway: the job fails them with the reason shown.", org, c.Failing) + "\n" + findingLines(c.Org, maxListed))
		p.org.Show()
	}
	if (len(c.Own) > 0 || len(c.Org) > 0) && c.sheet != nil && p.from.Selected == importFile() && p.f.b.editor != nil {
		p.fix.Show()
	}
	p.updateSubmit()
	p.f.relayout()
}

// summaryText says how many records the sheet has and what becomes of them.
func summaryText(c *importCheck, org string) string {
	switch {
	case c.Records == 0:
		return words.T("The sheet has no records to submit.")
	case !c.Counted:
		return words.T("Records to submit to %s: %d.", org, c.Records)
	}
	text := words.T("Records: %d. In %s, %d will be created, %d updated and %d left as they are.", c.Records, org, c.Creates, c.Updates, c.Unchanged)
	if c.Deletes > 0 {
		text = words.T("Records: %d. In %s, %d will be deleted, %d created, %d updated and %d left as they are.", c.Records, org, c.Deletes, c.Creates, c.Updates, c.Unchanged)
	}
	if c.Writes == 0 {
		return text + " " + words.T("Nothing will be written.")
	}
	// The estimate is the job's own count of requests at the organization's rate limit,
	// the floor no client can go under; the GETs lists force are named.
	if c.Duration < time.Second { // "about under a second" says it twice
		text += " " + words.N(c.Requests, "%d request, under a second at %d/min.", "%d requests, under a second at %d/min.", c.Rate)
	} else {
		text += " " + words.N(c.Requests, "%d request, about %s at %d/min — the API allows no faster.",
			"%d requests, about %s at %d/min — the API allows no faster.", durationText(c.Duration), c.Rate)
	}
	if c.Gets > 0 {
		text += " " + words.T("%d of them read one object each: %s.", c.Gets, c.GetsWhy().In(words.Language()))
	}
	return text
}

// findingLines lists findings one a line, as "Row 4, Name: message".
func findingLines(fs []sheets.Finding, n int) string {
	var b strings.Builder
	for i, f := range fs {
		if i == n {
			b.WriteString(words.T("… and %d more.", len(fs)-n))
			break
		}
		switch {
		case f.Row == 0:
			b.WriteString(words.Message(f))
		case f.Column == "":
			b.WriteString(words.T("Row %d: %s", f.Row, words.Message(f)))
		default:
			b.WriteString(words.T("Row %d, %s: %s", f.Row, f.Column, words.Message(f)))
		}
		b.WriteString("\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
