package sheetview

import (
	"encoding/json"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

const (
	minColumnWidth = 64
	maxColumnWidth = 320 // on open: a long value does not push the others off screen
	maxFitWidth    = 900 // a double-click on the border fits up to this
	widthSample    = 400 // rows measured to fit a column's width, spread over the sheet
)

// fitWidths sizes each column to its header and its values (a sample of them in a large
// sheet), within bounds.
func fitWidths(s *sheets.Sheet) []float32 {
	widths := make([]float32, len(s.Columns))
	for c := range s.Columns {
		widths[c] = fitWidth(s, c, maxColumnWidth)
	}
	return widths
}

// fitWidth is the width that shows column c's header (with room for a sort or filter
// mark) and values whole, at most limit. A sheet of more than widthSample rows is
// measured on its first rows and on rows spread evenly over the rest, so a long value far
// down is likely seen without measuring 100,000 rows.
func fitWidth(s *sheets.Sheet, c int, limit float32) float32 {
	size := theme.TextSize()
	col := s.Columns[c]
	w := fyne.MeasureText(headerText(col)+markRoom, size, fyne.TextStyle{Bold: true}).Width
	for _, r := range sampleRows(len(s.Rows)) {
		if v := s.Cell(r, c); v != "" {
			w = max(w, fyne.MeasureText(v, size, fyne.TextStyle{}).Width)
		}
	}
	return min(max(w+2*theme.InnerPadding()+4, minColumnWidth), limit)
}

// sampleRows returns the rows measured of a sheet of n rows.
func sampleRows(n int) []int {
	var rows []int
	head := min(n, widthSample/2)
	for r := range head {
		rows = append(rows, r)
	}
	if rest := n - head; rest > 0 {
		step := max(rest/(widthSample/2), 1)
		for r := head; r < n; r += step {
			rows = append(rows, r)
		}
		rows = append(rows, n-1)
	}
	return rows
}

// markRoom is the room a header keeps for the sort or filter mark beside its name.
const markRoom = " ▲"

// headerText is a column's name as its header shows it: required columns marked *.
func headerText(col sheets.Column) string {
	if col.Spec != nil && col.Spec.Required {
		return col.Header + " *"
	}
	return col.Header
}

// fitColumn fits one column to its contents, as a double-click on its header's right
// border does in Excel, and remembers the width.
func (v *sheetView) fitColumn(col int) {
	if col < 0 || col >= len(v.widths) {
		return
	}
	v.setWidth(col, fitWidth(v.o.Sheet(), col, maxFitWidth))
}

// setWidth gives a column the width the user chose, and remembers it for the object type.
func (v *sheetView) setWidth(col int, w float32) {
	v.widths[col] = w
	v.table.SetColumnWidth(col, w)
	v.ed.widthsChanged(v)
}

// rowHeaderWidth fits the row numbers of a sheet with n records.
func rowHeaderWidth(n int) float32 {
	text := "› " + strconv.Itoa(n+2)
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*theme.InnerPadding() + 4
}

// widthsKey is the preference holding the column widths of an object type, by header:
// only widths the user set, by dragging a border or double-clicking it. (Before, widths
// were taken from the header cells as the table laid them out, and a header cell reused
// for another column saved that column's width: "widths." preferences are not read.)
func widthsKey(o *catalog.Object) string { return "columnWidths." + o.Key }

// loadWidths returns the widths of a sheet's columns: those the user set for its object
// type, the fitted ones for the others.
func (e *Editor) loadWidths(sh *sheets.Sheet) []float32 {
	widths := fitWidths(sh)
	saved := map[string]float32{}
	if raw := e.host.Preferences().String(widthsKey(sh.Object)); raw != "" {
		if err := json.Unmarshal([]byte(raw), &saved); err != nil {
			fyne.LogError("column widths of "+sh.Object.Key, err)
		}
	}
	for c, col := range sh.Columns {
		if w, ok := saved[catalog.Normalize(col.Header)]; ok && w >= minColumnWidth/2 {
			widths[c] = w
		}
	}
	return widths
}

// widthsChanged remembers a sheet view's column widths for its object type, a moment
// after the user stops dragging a column's edge.
func (e *Editor) widthsChanged(v *sheetView) {
	if e.widthTimer != nil {
		e.widthTimer.Stop()
	}
	if e.widthDelay <= 0 {
		e.saveWidths(v)
		return
	}
	e.widthView = v
	e.widthTimer = time.AfterFunc(e.widthDelay, func() { fyne.Do(func() { e.saveWidths(v) }) })
}

func (e *Editor) saveWidths(v *sheetView) {
	if v.closed() { // saved when it closed
		return
	}
	sh := v.o.Sheet()
	saved := map[string]float32{}
	if raw := e.host.Preferences().String(widthsKey(sh.Object)); raw != "" {
		_ = json.Unmarshal([]byte(raw), &saved)
	}
	for c, col := range sh.Columns {
		if c < len(v.widths) {
			saved[catalog.Normalize(col.Header)] = v.widths[c]
		}
	}
	b, _ := json.Marshal(saved)
	e.host.Preferences().SetString(widthsKey(sh.Object), string(b))
}
