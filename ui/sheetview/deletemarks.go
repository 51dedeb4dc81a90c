package sheetview

import (
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/words"
)

// Marks for deletion: "Mark for deletion" writes DELETE into the sheet's Action column
// (added when the sheet has none, as files carry it) on the selected records, and the
// marked records are drawn struck through. The job deletes them; a check lists them
// first, and Submit asks before anything is deleted.

func (e *Editor) markForDeletion() {
	e.withGrid(func(v *sheetView) string {
		n := v.doc().MarkRecords(sheets.ActionHeader, sheets.DeleteMark)
		return words.T("Records marked for deletion: %d. A check lists them first; nothing is deleted before you confirm the submit.", n)
	})
}

func (e *Editor) unmarkDeletion() {
	e.withGrid(func(v *sheetView) string {
		n := v.doc().MarkRecords(sheets.ActionHeader, "")
		return words.T("Records no longer marked for deletion: %d", n)
	})
}

// findActionColumn remembers where the sheet's Action column is (-1: none), after the
// columns changed, so painting a cell does not look the header up.
func (v *sheetView) findActionColumn() {
	v.actionCol = -1
	for i, c := range v.o.Sheet().Columns {
		if sheets.IsActionHeader(c.Header) {
			v.actionCol = i
			return
		}
	}
}

// markedForDeletion reports whether model row m belongs to a record marked for deletion.
func (v *sheetView) markedForDeletion(m int) bool {
	if v.actionCol < 0 || m < 0 {
		return false
	}
	return sheets.IsDeleteMark(v.o.Sheet().Cell(v.doc().GroupStart(m), v.actionCol))
}

// fitNewColumns gives a column added since the view was made (the Action column) a
// width that fits it.
func (v *sheetView) fitNewColumns() {
	s := v.o.Sheet()
	for c := len(v.widths); c < len(s.Columns); c++ {
		w := fitWidth(s, c, maxColumnWidth)
		v.widths = append(v.widths, w)
		v.table.SetColumnWidth(c, w)
	}
}

// strike draws the cell's text struck through, for a record marked for deletion.
func (c *cellBox) strike(on bool) {
	if c.text.TextStyle.Strikethrough != on {
		c.text.TextStyle.Strikethrough = on
		c.text.Refresh()
	}
}
