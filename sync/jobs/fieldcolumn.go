package jobs

import (
	"net/http"
	"regexp"
	"strings"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// fieldPrefix finds the field a server message starts with: "siteId: not found…",
// "activeSkills[0].skillId: …".
var fieldPrefix = regexp.MustCompile(`^\s*([A-Za-z][\w.\[\]]*)\s*:`)

var index = regexp.MustCompile(`\[\d+\]`)

// columnFor names the column (as the record's file spells it) that the server's message
// is about, when the message names a field a column maps to; "" otherwise, and the
// message stays on the row.
func (r *runner) columnFor(rec *record, e *webex.APIError) string {
	texts := append([]string{e.Reason}, e.Messages...)
	for _, t := range texts {
		m := fieldPrefix.FindStringSubmatch(t)
		if m == nil {
			m = requiredField.FindStringSubmatch(t) // "defaultMusicInQueueMediaFileId is required"
		}
		if m == nil {
			continue
		}
		if c := columnOfField(r.obj, index.ReplaceAllString(m[1], "[]")); c != nil && rec.lay.has(c) {
			return rec.lay.headerOf(c)
		}
	}
	return ""
}

// columnOfField is the column whose apiField is field, or else whose apiField ends with
// the same last segment (the server may name "teamId" for callDistributionGroups[]…).
func columnOfField(o *catalog.Object, field string) *catalog.Column {
	for i := range o.Columns {
		if o.Columns[i].APIField == field {
			return &o.Columns[i]
		}
	}
	last := lastSegment(field)
	for i := range o.Columns {
		if f := o.Columns[i].APIField; f != "" && lastSegment(f) == last {
			return &o.Columns[i]
		}
	}
	return nil
}

func lastSegment(f string) string {
	f = strings.TrimSuffix(f, "[]")
	if i := strings.LastIndexAny(f, ".]"); i >= 0 {
		return strings.TrimPrefix(f[i+1:], ".")
	}
	return f
}

// messageOf is the server's explanation of a failed item, fit for the row's Error
// Message: its detail messages when the reason only repeats the status text ("Bad
// Request"), else reason and details.
func messageOf(e *webex.APIError) string {
	if len(e.Messages) > 0 && (e.Reason == "" || e.Reason == http.StatusText(e.Status)) {
		return strings.Join(e.Messages, "; ")
	}
	return e.Message()
}
