package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/internal/filedialog"
	"github.com/bulkops/bulkops/ui/words"
)

// Saving a workbook opened as a whole: all its sheets to its one file, a worksheet per
// type in dependency order, with their findings as notes.

// saveBookThen writes every sheet of the workbook to its file, then follows with then;
// nothing follows when writing fails.
func (s *Shell) saveBookThen(then func()) {
	if !strings.EqualFold(filepath.Ext(s.book.path), ".xlsx") {
		// A zip of CSV files, or an .xlsm with macros this writer would not keep: never
		// over it, but to a new workbook.
		s.saveBookAs(then)
		return
	}
	s.ed.Commit()
	if len(s.book.others) > 0 {
		s.askSaveOver(then)
		return
	}
	if s.writeBook(s.book.path) && then != nil {
		then()
	}
}

// askSaveOver asks before the workbook is saved over a file that has worksheets of no
// object type (a person's notes), which the workbook written again would not have:
// save it as a new file (the default), over it all the same, or not now.
func (s *Shell) askSaveOver(then func()) {
	var d dialog.Dialog
	saveAs := widget.NewButtonWithIcon(words.T("Save as a new file…"), theme.DocumentSaveIcon(), func() {
		d.Hide()
		s.saveBookAs(then)
	})
	saveAs.Importance = widget.HighImportance
	over := widget.NewButtonWithIcon(words.T("Save over it"), theme.WarningIcon(), func() {
		d.Hide()
		if s.writeBook(s.book.path) && then != nil {
			then()
		}
	})
	over.Importance = widget.DangerImportance
	cancel := widget.NewButtonWithIcon(words.T("Cancel"), theme.CancelIcon(), func() { d.Hide() })
	msg := widget.NewLabel(words.T("%s also has sheets Bulkops does not edit: %s. Saved over, it would lose them: Bulkops writes the sheets of object types only.", s.book.name(), strings.Join(s.book.others, ", ")))
	msg.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons(words.T("Save over %s?", s.book.name()),
		container.NewVBox(msg, container.NewHBox(layout.NewSpacer(), cancel, over, saveAs)), s.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// saveBookAs asks where to save the workbook, as XLSX (a zip of CSV files could not be
// opened as the same workbook again), and saves it there.
func (s *Shell) saveBookAs(then func()) {
	s.ed.Commit()
	name := strings.TrimSuffix(s.book.name(), filepath.Ext(s.book.path)) + ".xlsx"
	filedialog.Save(s.win, name, []string{".xlsx"}, s.lastDir(), func(path string) {
		if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
			os.Remove(path) // the dialog created it under a name we do not write
			path += ".xlsx"
		}
		if s.writeBook(path) && then != nil {
			then()
		}
	})
}

// writeBook writes the workbook's sheets to path, a worksheet each, in its order, with
// their findings as notes (as a sheet saved alone has them).
func (s *Shell) writeBook(path string) bool {
	var ss []*sheets.Sheet
	var fs [][]sheets.Finding
	for _, k := range s.book.keys {
		o := s.ed.Get(k)
		ss = append(ss, o.Sheet())
		fs = append(fs, s.ed.SheetFindings(o))
	}
	if err := sheets.WriteWorkbookFileNoted(path, ss, fs, sheets.WriteOptions{}); err != nil {
		if !strings.Contains(err.Error(), path) {
			err = fmt.Errorf("%s: %w", path, err)
		}
		dialog.ShowError(err, s.win)
		return false
	}
	s.book.path, s.book.others = path, nil // the file written has the sheets of object types only
	for _, k := range s.book.keys {
		s.ed.Get(k).Doc.MarkSaved()
		s.drafts.forget(k)
	}
	s.drafts.forgetBook()
	s.remember(path)
	s.app.Preferences().SetString(prefLastDir, filepath.Dir(path))
	s.status.note(words.T("Saved %s. Sheets: %d.", filepath.Base(path), len(ss)))
	s.nav.showBook()
	s.refreshAll()
	return true
}
