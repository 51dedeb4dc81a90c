package sheetview

import (
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/grid"
	"github.com/bulkops/bulkops/ui/words"
)

// PlannedChange is a cell a check found the job would change: Row is the record index
// (0-based), Col the column, Was what the organization has now, Now what the cell held
// at the check.
type PlannedChange struct {
	Row, Col int
	Was, Now string
}

// changeMark is a planned change on one cell of a row. Like a note it holds while the
// cell still says what it said at the check: an edit makes the plan stale there.
type changeMark struct {
	col        int
	was, value string
}

// changeMarks are the planned changes of a sheet by row, a row known by its first
// cell's address as notes know it.
type changeMarks map[*string][]changeMark

func newChangeMarks(sh *sheets.Sheet, cs []PlannedChange) changeMarks {
	out := changeMarks{}
	for _, c := range cs {
		if c.Row < 0 || c.Row >= len(sh.Rows) || c.Col < 0 || c.Col >= len(sh.Rows[c.Row].Cells) {
			continue
		}
		r := &sh.Rows[c.Row]
		out[rowKey(r)] = append(out[rowKey(r)], changeMark{col: c.Col, was: c.Was, value: r.Cells[c.Col]})
	}
	return out
}

// was returns what the organization had at the check in the cell of row m, column col,
// when the check found the job changes it and the cell is as it was then.
func (cm changeMarks) was(sh *sheets.Sheet, m, col int) (string, bool) {
	if len(cm) == 0 || m < 0 || m >= len(sh.Rows) {
		return "", false
	}
	r := &sh.Rows[m]
	for _, c := range cm[rowKey(r)] {
		if c.col == col && col < len(r.Cells) && r.Cells[col] == c.value {
			return c.was, true
		}
	}
	return "", false
}

// rows marks the records with a planned change that still holds.
func (cm changeMarks) rows(sh *sheets.Sheet) []bool {
	out := make([]bool, len(sh.Rows))
	for m := range sh.Rows {
		for _, c := range cm[rowKey(&sh.Rows[m])] {
			if _, ok := cm.was(sh, m, c.col); ok {
				out[m] = true
				break
			}
		}
	}
	return out
}

// ShowChanges marks the cells of the open sheet of type key that a check found the job
// would change: tinted in the grid, apart from errors and warnings, with the
// organization's value in the cell's message. They replace the marks of an earlier
// check; nil clears them.
func (e *Editor) ShowChanges(key string, cs []PlannedChange) {
	o := e.ws.get(key)
	if o == nil {
		return
	}
	o.changes = newChangeMarks(o.Sheet(), cs)
	if v := o.view; v != nil {
		if v.changesOnly {
			e.applyFilters(v)
		}
		v.refresh()
	}
	e.findings.syncFilter()
	e.ShowCursorFindings()
}

// wasText is the cell message of a planned change.
func wasText(was string) string {
	if was == "" {
		return words.T("Changes it; the organization has it empty")
	}
	return words.T("was: %s", was)
}

// toggleChanges shows only the rows the check found the job changes, or all again.
func (e *Editor) toggleChanges() {
	if v := e.gridView(false); v != nil {
		e.commit(0, 0)
		v.changesOnly = !v.changesOnly
		e.applyFilters(v)
	}
}

// GoTo puts the cursor on a cell of the sheet shown (row: the record index), showing
// all rows again when a filter hides it.
func (e *Editor) GoTo(row, col int) {
	e.findings.jump(sheets.Finding{Row: sheets.RowNumber(row), Col: col})
}

// KeepValues writes each cell's Was back into the open sheet of type key — "keep the
// organization's value" where a spreadsheet program rewrote it — as one change the user
// can undo, and returns how many cells changed. Only a cell that still holds what the
// check saw is written.
func (e *Editor) KeepValues(key string, cells []PlannedChange) int {
	o := e.ws.get(key)
	if o == nil {
		return 0
	}
	sh := o.Sheet()
	var vals []grid.CellValue
	for _, c := range cells {
		if c.Row >= 0 && c.Row < len(sh.Rows) && sh.Cell(c.Row, c.Col) == c.Now {
			vals = append(vals, grid.CellValue{Row: c.Row, Col: c.Col, Value: c.Was})
		}
	}
	return o.Doc.SetCells(vals)
}

// ShowCheckWarnings lists the warnings a check found on the open sheet of type key
// beyond the sheet's own (a value a spreadsheet program seems to have rewritten,
// jobs.Preview.PlanWarnings) with the sheet's own: on their cells, in the findings list
// and in the counts, each while its cell holds what it held at the check. They replace
// the warnings of an earlier check; nil clears them.
func (e *Editor) ShowCheckWarnings(key string, fs []sheets.Finding) {
	o := e.ws.get(key)
	if o == nil {
		return
	}
	if o.notes == nil {
		o.notes = notes{}
	}
	o.notes.dropChecks()
	sh := o.Sheet()
	for _, f := range fs {
		o.notes.hold(sh, f, true)
	}
	if v := o.view; v != nil {
		v.columnFindings()
		if v.findingsOnly {
			e.applyFilters(v)
		}
		v.refresh()
	}
	e.findings.refresh()
	e.ShowCursorFindings()
}
