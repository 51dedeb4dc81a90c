package grid

import "github.com/bulkops/bulkops/sheets"

// PasteResult says what a paste did, for the status bar.
type PasteResult struct {
	Rows, Cols int // size of the area written
	Added      int // records appended past the last row
	Dropped    int // clipboard columns beyond the last column, left out
}

// Paste writes a tab-separated block (as Excel copies it) at the selection, as one
// undoable change. One value pasted on a larger selection fills it; a block that fits a
// selection a whole number of times is repeated over it; otherwise the block is written
// from the selection's top-left cell, appending records where it runs past the end.
func (d *Document) Paste(text string) PasteResult {
	block := ParseTSV(text)
	h, w := len(block), width(block)
	if h == 0 || w == 0 {
		return PasteResult{}
	}
	sel := d.Selection()
	area := Range{Top: sel.Top, Left: sel.Left, Bottom: sel.Top + h - 1, Right: sel.Left + w - 1}
	if sel.Height()%h == 0 && sel.Width()%w == 0 {
		area = sel // one value over many cells, or a block tiled over its multiple
	}
	res := PasteResult{}
	if area.Right >= d.Cols() {
		res.Dropped = area.Right - (d.Cols() - 1)
		area.Right = d.Cols() - 1
	}
	shown := d.Rows()
	if area.Bottom >= shown {
		res.Added = area.Bottom - shown + 1
	}
	res.Rows, res.Cols = area.Height(), area.Width()

	var parts []command
	first := len(d.sheet.Rows) // model index of the first appended record
	if res.Added > 0 {
		rows := make([]sheets.Row, res.Added)
		for i := range rows {
			rows[i] = d.blankRow()
		}
		parts = append(parts, &insertRows{at: first, rows: rows})
	}
	var edits []cellEdit
	for v := area.Top; v <= area.Bottom; v++ {
		m := first + v - shown
		if v < shown {
			m = d.ModelRow(v)
		}
		src := block[(v-area.Top)%h]
		for col := area.Left; col <= area.Right; col++ {
			nv := cellOf(src, (col-area.Left)%w)
			if old := d.sheet.Cell(m, col); old != nv {
				edits = append(edits, cellEdit{row: m, col: col, old: old, new: nv})
			}
		}
	}
	if len(edits) > 0 {
		parts = append(parts, &setCells{edits: edits})
	}
	if len(parts) > 0 {
		d.do(&batch{parts: parts})
	}
	d.SelectRange(area)
	return res
}

func width(block [][]string) int {
	w := 0
	for _, r := range block {
		w = max(w, len(r))
	}
	return w
}

func cellOf(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}
