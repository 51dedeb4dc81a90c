package sheetview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/bulkops/bulkops/ui/grid"
)

// typed starts editing the cursor's cell with the character typed, replacing its value
// (Excel's Enter mode). While an edit is open, characters go on into the cell editor.
func (e *Editor) typed(v *sheetView, r rune) {
	if e.editing {
		e.entry.TypedRune(r)
		return
	}
	e.begin(v, string(r), true)
}

// key handles the keys of the grid that are not shortcuts.
func (e *Editor) key(v *sheetView, name fyne.KeyName, shift bool) {
	d := v.doc()
	// Another way of moving ends a run of Tabs; typing does not (the driver sends each
	// printable key here as TypedKey before its character starts the edit).
	if name != fyne.KeyTab && name != fyne.KeyReturn && name != fyne.KeyEnter && name != fyne.KeyF2 && !printable(name) {
		e.tabFrom = -1
	}
	switch name {
	case fyne.KeyUp:
		d.Move(-1, 0, shift)
	case fyne.KeyDown:
		d.Move(1, 0, shift)
	case fyne.KeyLeft:
		d.Move(0, -1, shift)
	case fyne.KeyRight:
		d.Move(0, 1, shift)
	case fyne.KeyHome:
		d.Home(false, shift)
	case fyne.KeyEnd:
		d.End(false, shift)
	case fyne.KeyPageUp:
		d.Move(-v.table.pageRows(), 0, shift)
	case fyne.KeyPageDown:
		d.Move(v.table.pageRows(), 0, shift)
	case fyne.KeyTab:
		e.tab(v, shift)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF2:
		e.begin(v, d.Value(d.Cursor()), false)
		return
	case fyne.KeyBackspace:
		e.begin(v, "", true)
		return
	case fyne.KeyDelete:
		e.clear()
		return
	case fyne.KeyF8: // F8 is no shortcut to Fyne: it comes as a key, with Shift or without
		if shift {
			e.findings.step(-1)
		} else {
			e.findings.step(1)
		}
		return
	case fyne.KeyF10: // the menus: the host's, as a shortcut without modifiers
		if shift { // Shift+F10, as the Menu key: the cell's context menu
			v.cursorMenu()
			return
		}
		e.host.Shortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF10})
		return
	case desktop.KeyMenu:
		v.cursorMenu()
		return
	case fyne.KeyEscape:
		if e.find.visible() {
			e.find.hide()
			return
		}
		d.Select(d.Cursor(), false)
	default:
		return
	}
	e.moved(v)
}

// tab moves right (left with Shift), wrapping to the next (previous) row at the edge, so a
// record can be typed in cell after cell.
func (e *Editor) tab(v *sheetView, back bool) {
	d := v.doc()
	c := d.Cursor()
	if e.tabFrom < 0 {
		e.tabFrom = c.Col // where Enter goes back to
	}
	switch {
	case !back && c.Col < d.Cols()-1:
		c.Col++
	case !back:
		c.Row, c.Col = c.Row+1, 0
	case c.Col > 0:
		c.Col--
	case c.Row > 0:
		c.Row, c.Col = c.Row-1, d.Cols()-1
	}
	d.Select(c, false)
}

// shortcut handles Ctrl (Cmd) with navigation keys here, and hands the others to the
// editor's commands, which the menus and the toolbar share, or else to the host.
func (e *Editor) shortcut(v *sheetView, s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.KeyName == fyne.KeyDown && cs.Modifier == fyne.KeyModifierAlt {
		e.openChoices() // Alt+Down opens the value list from the grid too, not only after F2
		return
	}
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier&fyne.KeyModifierShortcutDefault != 0 {
		extend := cs.Modifier&fyne.KeyModifierShift != 0
		d := v.doc()
		c := d.Cursor()
		last := max(d.Rows()-1, 0)
		moved := true
		switch cs.KeyName {
		case fyne.KeyHome:
			d.Home(true, extend)
		case fyne.KeyEnd:
			d.End(true, extend)
		case fyne.KeyUp: // to the edge of the sheet, as Ctrl+arrow goes to the data's edge
			d.Select(grid.Cell{Row: 0, Col: c.Col}, extend)
		case fyne.KeyDown:
			d.Select(grid.Cell{Row: last, Col: c.Col}, extend)
		case fyne.KeyLeft:
			d.Select(grid.Cell{Row: c.Row, Col: 0}, extend)
		case fyne.KeyRight:
			d.Select(grid.Cell{Row: c.Row, Col: d.Cols() - 1}, extend)
		default:
			moved = false
		}
		if moved {
			e.moved(v)
			return
		}
	}
	if e.runAltKey(s) {
		return
	}
	e.runShortcut(s)
}
