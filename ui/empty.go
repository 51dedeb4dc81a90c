package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/ui/words"
)

// emptyState is what the middle of the window shows for an object type without an open
// sheet: what the type is, and the two ways to start.
type emptyState struct {
	title, note     *widget.Label
	newBtn, openBtn *widget.Button
	content         fyne.CanvasObject
}

func newEmptyState(s *Shell) *emptyState {
	e := &emptyState{title: widget.NewLabel(""), note: widget.NewLabel("")}
	e.title.TextStyle.Bold = true
	e.title.SizeName = theme.SizeNameSubHeadingText
	e.note.Wrapping = fyne.TextWrapWord
	e.newBtn = widget.NewButtonWithIcon(words.T("New sheet"), theme.DocumentCreateIcon(), s.newSheet)
	e.newBtn.Importance = widget.HighImportance
	e.openBtn = widget.NewButtonWithIcon(words.T("Open…"), theme.FolderOpenIcon(), s.openDialog)
	hint := widget.NewLabel(words.T("You can also drop CSV, XLSX or zip files, or a Control Hub error file, on the window."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	box := container.NewVBox(e.title, e.note, container.NewHBox(e.newBtn, e.openBtn), hint)
	e.content = container.NewPadded(container.NewVBox(box))
	return e
}

// show describes an object type.
func (e *emptyState) show(key string) {
	o, _ := catalog.Lookup(key)
	e.title.SetText(objectTitle(o))
	if o.Format == catalog.FormatAudioZip {
		e.note.SetText(words.T("Audio files are uploaded as a zip of WAV files: there is no sheet to edit."))
		e.newBtn.Hide()
		e.openBtn.Hide()
		return
	}
	e.note.SetText(words.T("No %s sheet is open. Start from the template, or open a file.", objectTitle(o)))
	e.newBtn.Show()
	e.openBtn.Show()
}
