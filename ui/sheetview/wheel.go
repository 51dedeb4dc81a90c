package sheetview

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// The mouse wheel (issue 23, point 7). Fyne's desktop driver scrolls 25 px a notch on
// Linux and Windows, about 0.6 of a row; a spreadsheet scrolls 3 rows a notch. The cells
// take the wheel before the table's scroll area (they are under the mouse, deeper) and
// hand it on scaled. macOS is left alone: its deltas come from trackpads and its own
// acceleration, 10 px a step.

// wheelRows is how many rows a notch scrolls; notchPixels what the driver sends for one.
const (
	wheelRows   = 3
	notchPixels = 25
)

var _ fyne.Scrollable = (*cellBox)(nil)

// Scrolled scrolls the table wheelRows rows a notch.
func (c *cellBox) Scrolled(ev *fyne.ScrollEvent) {
	if c.view == nil {
		return
	}
	c.view.wheel(ev)
}

func (v *sheetView) wheel(ev *fyne.ScrollEvent) {
	sc, ok := v.table.area.(*container.Scroll)
	if !ok || sc == nil {
		return
	}
	f := float32(1)
	if runtime.GOOS != "darwin" {
		pitch := newCellBox(v).MinSize().Height + theme.Padding() // a row and the line under it
		f = wheelRows * pitch / notchPixels
	}
	scaled := *ev
	scaled.Scrolled = fyne.NewDelta(ev.Scrolled.DX*f, ev.Scrolled.DY*f)
	sc.Scrolled(&scaled)
}
