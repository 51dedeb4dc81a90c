package sheetview

import (
	"slices"

	"github.com/bulkops/bulkops/sheets"
)

// Findings returns everything wrong with an open sheet, as its findings panel lists it
// when the sheet is shown: the checker's findings (references to the other open sheets
// and the organization's names included) and the messages of Control Hub or a job on
// its cells, by row and column. A host lists several sheets' with it (a workbook's).
func (e *Editor) Findings(o *OpenSheet) []sheets.Finding {
	fs := e.ws.checker.Sheet(o.Sheet()) // sorted by row and column
	if ns := o.notes.all(o.Sheet()); len(ns) > 0 {
		fs = append(slices.Clip(fs), ns...)
		slices.SortStableFunc(fs, func(a, b sheets.Finding) int {
			if a.Row != b.Row {
				return a.Row - b.Row
			}
			return a.Col - b.Col
		})
	}
	return fs
}

// Where says where a finding is, as the findings panel says it: "Row 7 · Channel
// Type", "Row 7", or the whole file.
func Where(f sheets.Finding) string { return where(f) }
