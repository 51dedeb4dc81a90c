package bulk

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

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
		p.own.SetText(lang.L("Rows with errors of their own: {{.Count}}. Fix them before submitting:",
			map[string]any{"Count": c.OwnRows()}) + "\n" + findingLines(c.Own, maxListed))
		p.own.Show()
	}
	if len(c.Org) > 0 {
		p.org.SetText(lang.L("Rows that will fail in {{.Org}}: {{.Count}}. Fix them first, or submit anyway: the job fails them with the reason shown.",
			map[string]any{"Count": c.Failing, "Org": org}) + "\n" + findingLines(c.Org, maxListed))
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
		return lang.L("The sheet has no records to submit.")
	case !c.Counted:
		return lang.L("Records to submit to {{.Org}}: {{.Count}}.", map[string]any{"Count": c.Records, "Org": org})
	}
	text := lang.L("Records: {{.Count}}. In {{.Org}}, {{.Creates}} will be created, {{.Updates}} updated and {{.Unchanged}} left as they are.",
		map[string]any{"Count": c.Records, "Creates": c.Creates, "Updates": c.Updates, "Unchanged": c.Unchanged, "Org": org})
	if c.Deletes > 0 {
		text = lang.L("Records: {{.Count}}. In {{.Org}}, {{.Deletes}} will be deleted, {{.Creates}} created, {{.Updates}} updated and {{.Unchanged}} left as they are.",
			map[string]any{"Count": c.Records, "Deletes": c.Deletes, "Creates": c.Creates, "Updates": c.Updates, "Unchanged": c.Unchanged, "Org": org})
	}
	if c.Writes == 0 {
		return text + " " + lang.L("Nothing will be written.")
	}
	// The estimate is the job's own count of requests at the organization's rate limit,
	// the floor no client can go under; the GETs lists force are named.
	cost := map[string]any{"Requests": c.Requests, "Duration": durationText(c.Duration), "Rate": c.Rate}
	if c.Duration < time.Second { // "about under a second" says it twice
		text += " " + lang.L("{{.Requests}} requests, under a second at {{.Rate}}/min.", cost)
	} else {
		text += " " + lang.L("{{.Requests}} requests, about {{.Duration}} at {{.Rate}}/min — the API allows no faster.", cost)
	}
	if c.Gets > 0 {
		text += " " + lang.L("{{.Count}} of them read one object each: {{.Why}}.", map[string]any{"Count": c.Gets, "Why": c.GetsWhy().In(words.Language())})
	}
	return text
}

// findingLines lists findings one a line, as "Row 4, Name: message".
func findingLines(fs []sheets.Finding, n int) string {
	var b strings.Builder
	for i, f := range fs {
		if i == n {
			b.WriteString(lang.L("… and {{.Count}} more.", map[string]any{"Count": len(fs) - n}))
			break
		}
		switch {
		case f.Row == 0:
			b.WriteString(words.Message(f))
		case f.Column == "":
			b.WriteString(lang.L("Row {{.Row}}: {{.Message}}", map[string]any{"Row": f.Row, "Message": words.Message(f)}))
		default:
			b.WriteString(lang.L("Row {{.Row}}, {{.Column}}: {{.Message}}",
				map[string]any{"Row": f.Row, "Column": f.Column, "Message": words.Message(f)}))
		}
		b.WriteString("\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
