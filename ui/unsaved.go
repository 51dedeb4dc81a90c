package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/ui/sheetview"
	"github.com/bulkops/bulkops/ui/words"
)

// askUnsaved asks what becomes of o's unsaved edits before then (another sheet takes its
// place, it closes): save them first, discard them, or cancel and keep working. A
// yes/no question would offer only to lose the edits or to give up what was asked for.
func (s *Shell) askUnsaved(o *sheetview.OpenSheet, title, question, discardLabel string, then func()) {
	var d dialog.Dialog
	save := widget.NewButtonWithIcon(words.T("Save"), theme.DocumentSaveIcon(), func() {
		d.Hide()
		s.saveThen(o, then)
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButtonWithIcon(discardLabel, theme.DeleteIcon(), func() {
		d.Hide()
		then()
	})
	discard.Importance = widget.DangerImportance
	cancel := widget.NewButtonWithIcon(words.T("Cancel"), theme.CancelIcon(), func() { d.Hide() })
	msg := widget.NewLabel(question)
	msg.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(layout.NewSpacer(), cancel, discard, save)
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(msg, buttons), s.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// saveThen saves o to its file (or where the user says, when it has none) and follows
// with then once it is saved; nothing follows when saving fails or is cancelled.
func (s *Shell) saveThen(o *sheetview.OpenSheet, then func()) {
	if s.book.has(o.Key()) {
		s.saveBookThen(then) // its workbook, all its sheets, to the one file
		return
	}
	s.ed.Commit()
	ext := strings.ToLower(filepath.Ext(o.Path))
	if o.Path == "" || (ext != ".csv" && ext != ".xlsx") {
		s.saveAsThen(o, then)
		return
	}
	if s.writeTo(o, o.Path) {
		then()
	}
}
