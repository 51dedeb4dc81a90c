package jobs

import (
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
)

// unsent warns of each filled cell of a column whose values cannot reach the API (the
// catalog marks it unsent): the job keeps the value in its package but Webex never
// gets it, and the user should know before submitting, on the cell itself.
func unsent(sh *sheets.Sheet) []sheets.Finding {
	var out []sheets.Finding
	for ci, c := range sh.Columns {
		if c.Spec == nil || !c.Spec.Unsent {
			continue
		}
		why, _, _ := strings.Cut(c.Spec.Note, ";") // the note's reason, without what follows
		if why != "" {
			why = strings.ToLower(why[:1]) + why[1:]
		}
		for r := range sh.Rows {
			if strings.TrimSpace(sh.Cell(r, ci)) == "" {
				continue
			}
			out = append(out, sheets.NewFinding(sh.File, sheets.RowNumber(r), ci, c.Header, sheets.Warning,
				i18n.M("%s is not sent to Webex: %s", c.Header, i18n.Word(why))))
		}
	}
	return out
}
