package jobs

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
)

// unsent warns of each filled cell of a column whose values cannot reach the API (the
// catalog marks it unsent): the job keeps the value in its package but Webex never
// gets it, and the user should know before submitting, on the cell itself.
func unsent(sh *sheets.Sheet) []sheets.Finding {
	var out []sheets.Finding
	for ci, c := range sh.Columns {
		if c.Spec == nil || !c.Spec.Unsent || c.Spec.Note == "" {
			continue
		}
		for r := range sh.Rows {
			if strings.TrimSpace(sh.Cell(r, ci)) == "" {
				continue
			}
			out = append(out, sheets.NewFinding(sh.File, sheets.RowNumber(r), ci, c.Header, sheets.Warning,
				i18n.M("%s is not sent to Webex: %s", c.Header, noteReason(c.Spec.Note))))
		}
	}
	return out
}

// noteReason is the reason of an unsent column's catalog note: the note in the
// message's language (catalog.cs.json has each such note), up to its first ";", in
// lower case to follow a colon.
type noteReason string

func (n noteReason) In(code string) string {
	why, _, _ := strings.Cut(i18n.Text(code, string(n)), ";")
	r, size := utf8.DecodeRuneInString(why)
	return string(unicode.ToLower(r)) + why[size:]
}
