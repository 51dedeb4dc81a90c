package sheetview

import (
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/grid"
)

// What the host does with the open sheets: open and close them, choose the one shown,
// and read what the editor knows of them (findings, counts) for its own views.

// Open puts a sheet in the editor, replacing the open sheet of its object type (the host
// asks about unsaved edits first), with findings from outside the checker on its cells (a
// failed job's rows: newNotes). Show its key to show it.
func (e *Editor) Open(sh *sheets.Sheet, path string, msgs []sheets.Finding) *OpenSheet {
	e.commit(0, 0)
	old := e.ws.get(sh.Object.Key)
	if old != nil && e.cur == old.view {
		e.show(nil)
	}
	if old != nil {
		old.view.release()
	}
	o := e.ws.add(sh, path, msgs)
	o.Doc.OnChange = func(ch grid.Change) { e.changed(o, ch) }
	return o
}

// changed follows an edit: recheck what it touched, repaint, relist the findings, and
// tell the host.
func (e *Editor) changed(o *OpenSheet, ch grid.Change) {
	e.ws.changed(o, ch)
	if o.view != nil {
		if ch.Structural {
			o.view.sortCol = -1 // rows moved: the order shown may not be sorted any more
			o.view.fitNewColumns()
			o.view.columnFindings()
			o.view.refreshRows()
		} else {
			o.view.refresh()
		}
	}
	// (References between sheets make a change in one sheet change findings in another,
	// but only the sheet shown shows cells; the others' counts follow on their next
	// repaint.)
	e.findings.refresh()
	e.host.Changed(o)
}

// Close closes the sheet of an object type, without asking.
func (e *Editor) Close(key string) {
	o := e.ws.get(key)
	if o != nil && e.cur != nil && e.cur == o.view {
		e.show(nil)
	}
	if o != nil {
		o.view.release()
	}
	e.ws.remove(key)
}

// Show shows the sheet open for an object type and lists its findings; with a key that
// has no sheet open ("" for none) it shows none, and reports false.
func (e *Editor) Show(key string) bool {
	o := e.ws.get(key)
	if o == nil {
		e.show(nil)
	} else {
		if o.view == nil {
			newSheetView(e, o)
		}
		e.show(o.view)
	}
	e.findings.refresh()
	return o != nil
}

// Current returns the open sheet shown, or nil.
func (e *Editor) Current() *OpenSheet {
	if e.cur == nil {
		return nil
	}
	return e.cur.o
}

// Get returns the open sheet of an object type, or nil.
func (e *Editor) Get(key string) *OpenSheet { return e.ws.get(key) }

// List returns the open sheets in the catalog's order.
func (e *Editor) List() []*OpenSheet { return e.ws.list() }

// Sheets returns the open sheets' contents in the catalog's order. They are the
// editor's own: read them on the UI goroutine, or Clone them.
func (e *Editor) Sheets() []*sheets.Sheet { return e.ws.sheets() }

// SetKnown sets the organization's names, which references are checked against and
// complete from; nil: the open sheets' only. Repaint shows the findings that moved.
func (e *Editor) SetKnown(k sheets.Known) { e.ws.setKnown(k) }

// Counts returns an open sheet's errors and warnings, the messages on its cells included.
func (e *Editor) Counts(o *OpenSheet) (errs, warns int) { return e.ws.counts(o) }

// SheetFindings returns the checker's findings of an open sheet, by row and column.
func (e *Editor) SheetFindings(o *OpenSheet) []sheets.Finding { return e.ws.checker.Sheet(o.Sheet()) }

// Commit writes an edit in progress into its cell, as leaving the cell does.
func (e *Editor) Commit() { e.commit(0, 0) }

// FocusGrid gives the keyboard to the table of the sheet shown.
func (e *Editor) FocusGrid() { e.focusGrid() }

// ForgetNotes drops the messages of Control Hub and of past jobs on the open sheet of
// an object type, and reports whether it had any. They answered an earlier submit: once
// the sheet has gone again, the new job's answer is what holds ("Site Berlin does not
// exist" must not stay after Berlin was created and the row went through).
func (e *Editor) ForgetNotes(key string) bool {
	o := e.ws.get(key)
	if o == nil || len(o.notes) == 0 {
		return false
	}
	o.notes = notes{}
	e.Repaint()
	e.ShowCursorFindings()
	return true
}

// Repaint repaints every open sheet and relists the findings after the set of sheets or
// the known names changed: findings may have moved in every sheet.
func (e *Editor) Repaint() {
	for _, o := range e.ws.list() {
		if o.view != nil {
			o.view.columnFindings()
			o.view.refresh()
		}
	}
	e.findings.refresh()
}

// ThemeChanged takes the cells' colours from the theme again; Repaint shows them.
func (e *Editor) ThemeChanged() { e.pal = newPalette() }

// ShowCursorFindings shows, under the cell bar, what is wrong with the cursor's cell, and
// returns it for the host's status line: the cell's own findings, those about its row,
// and the messages from Control Hub or a job.
func (e *Editor) ShowCursorFindings() []sheets.Finding {
	o := e.Current()
	if o == nil {
		e.message.show(nil)
		return nil
	}
	d := o.Doc
	m := d.ModelRow(d.Cursor().Row)
	var fs []sheets.Finding
	was := ""
	if m >= 0 {
		fs = append(e.ws.findingsAt(o, m, d.Cursor().Col), e.ws.findingsAt(o, m, -1)...)
		if w, ok := o.changes.was(o.Sheet(), m, d.Cursor().Col); ok {
			was = wasText(w)
		}
	}
	e.message.showWith(fs, was)
	return fs
}
