package ui

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
	maxColumnWidth = 320
	widthSample    = 200 // rows measured to fit a column's width
)

// fitWidths sizes each column to its header and the first rows' values, within bounds.
func fitWidths(s *sheets.Sheet) []float32 {
	size := theme.TextSize()
	pad := 2*theme.InnerPadding() + 4
	bold := fyne.TextStyle{Bold: true}
	widths := make([]float32, len(s.Columns))
	for c, col := range s.Columns {
		h := col.Header
		if col.Spec != nil && col.Spec.Required {
			h += " *"
		}
		w := fyne.MeasureText(h, size, bold).Width
		for r := 0; r < len(s.Rows) && r < widthSample; r++ {
			if v := s.Cell(r, c); v != "" {
				w = max(w, fyne.MeasureText(v, size, fyne.TextStyle{}).Width)
			}
		}
		widths[c] = min(max(w+pad, minColumnWidth), maxColumnWidth)
	}
	return widths
}

// rowHeaderWidth fits the row numbers of a sheet with n records.
func rowHeaderWidth(n int) float32 {
	text := "› " + strconv.Itoa(n+2)
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*theme.InnerPadding() + 4
}

// widthsKey is the preference holding the column widths of an object type, by header.
func widthsKey(o *catalog.Object) string { return "widths." + o.Key }

// loadWidths returns the widths of a sheet's columns: those the user set for its object
// type, the fitted ones for the others.
func (s *Shell) loadWidths(sh *sheets.Sheet) []float32 {
	widths := fitWidths(sh)
	saved := map[string]float32{}
	if raw := s.app.Preferences().String(widthsKey(sh.Object)); raw != "" {
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
func (s *Shell) widthsChanged(v *sheetView) {
	if s.widthTimer != nil {
		s.widthTimer.Stop()
	}
	if s.widthDelay <= 0 {
		s.saveWidths(v)
		return
	}
	s.widthTimer = time.AfterFunc(s.widthDelay, func() { fyne.Do(func() { s.saveWidths(v) }) })
}

func (s *Shell) saveWidths(v *sheetView) {
	sh := v.o.sheet()
	saved := map[string]float32{}
	if raw := s.app.Preferences().String(widthsKey(sh.Object)); raw != "" {
		_ = json.Unmarshal([]byte(raw), &saved)
	}
	for c, col := range sh.Columns {
		if c < len(v.widths) {
			saved[catalog.Normalize(col.Header)] = v.widths[c]
		}
	}
	b, _ := json.Marshal(saved)
	s.app.Preferences().SetString(widthsKey(sh.Object), string(b))
}
