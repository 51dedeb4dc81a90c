package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/bulkops/bulkops/ui/words"
)

// askSheet asks what to open of a workbook with several worksheets of object types (the
// reader refuses to pick one of several holding records and leave the others unread
// without a word): all of them together, as a workbook (the default: a whole
// organization's export is such a workbook), or the one sheet chosen, read off the UI
// goroutine.
func (s *Shell) askSheet(path string, names []string) {
	var d dialog.Dialog
	pick := widget.NewSelect(names, nil)
	pick.SetSelected(names[0])
	all := widget.NewButtonWithIcon(words.T("Open all together"), theme.FolderOpenIcon(), func() {
		d.Hide()
		s.openWorkbook(path)
	})
	all.Importance = widget.HighImportance
	one := widget.NewButton(words.T("Open the sheet chosen"), func() {
		d.Hide()
		if pick.Selected != "" {
			s.openWorksheet(path, pick.Selected)
		}
	})
	cancel := widget.NewButtonWithIcon(words.T("Cancel"), theme.CancelIcon(), func() { d.Hide() })
	msg := widget.NewLabel(words.T("Sheets of object types in %s: %d. Open them all together (a sheet per type, in the order they depend on each other, saved back to this one file), or only the sheet chosen?", filepath.Base(path), len(names)))
	msg.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(words.T("Sheet"), pick))
	buttons := container.NewHBox(layout.NewSpacer(), cancel, one, all)
	d = dialog.NewCustomWithoutButtons(words.T("Open %s", filepath.Base(path)),
		container.NewVBox(msg, form, buttons), s.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// openWorksheet reads one worksheet of a workbook, off the UI goroutine, and opens it.
func (s *Shell) openWorksheet(path, sheet string) {
	s.status.note(words.T("Opening %s…", filepath.Base(path)))
	s.async(func() {
		r := readPath(path, "", sheet)
		fyne.Do(func() { s.opened(r) })
	})
}
