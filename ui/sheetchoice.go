package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// askSheet asks which worksheet to open when a workbook holds records on several (the
// reader refuses to pick one and leave the others unread without a word), and reads
// that one, off the UI goroutine.
func (s *Shell) askSheet(path string, names []string) {
	pick := widget.NewSelect(names, nil)
	pick.SetSelected(names[0])
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Sheet"), pick)}
	dlg := dialog.NewForm(lang.L("{{.File}} holds records on {{.Count}} sheets. Which one do you open?",
		map[string]any{"File": filepath.Base(path), "Count": len(names)}),
		lang.L("Open"), lang.L("Cancel"), items, func(ok bool) {
			if !ok || pick.Selected == "" {
				return
			}
			sheet := pick.Selected
			s.status.note(lang.L("Opening {{.File}}…", map[string]any{"File": filepath.Base(path)}))
			s.async(func() {
				r := readPath(path, "", sheet)
				fyne.Do(func() { s.opened(r) })
			})
		}, s.win)
	dlg.Resize(fyne.NewSize(460, 0))
	dlg.Show()
}
