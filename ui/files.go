package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/ui/internal/filedialog"
	"github.com/bulkops/bulkops/ui/sheetview"
	"github.com/bulkops/bulkops/ui/words"
)

const prefLastDir = "lastDir"

var openExtensions = []string{".csv", ".xlsx", ".zip", ".txt", ".tsv", ".xlsm"}

// openDialog asks for files to open.
func (s *Shell) openDialog() {
	filedialog.Open(s.win, openExtensions, s.lastDir(), func(path string) { s.openPaths([]string{path}) })
}

// dropped opens the files dropped on the window.
func (s *Shell) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	s.openPaths(paths)
}

// openPaths reads files off the UI goroutine and opens each sheet read; what cannot be
// read is reported with the file, row and column the reader names.
func (s *Shell) openPaths(paths []string) {
	if len(paths) == 0 {
		return
	}
	s.status.note(words.T("Opening %s…", filepath.Base(paths[0])))
	s.async(func() {
		var got []readResult
		for _, p := range paths {
			got = append(got, readPath(p, "", ""))
		}
		fyne.Do(func() {
			for _, r := range got {
				s.opened(r)
			}
		})
	})
}

// readResult is what reading one file gave: sheets, or an error.
type readResult struct {
	path     string
	sheets   []*sheets.Sheet
	err      error
	typed    bool   // the file could be read, but its header tells no object type
	encoding string // the text encoding the user chose; "" when detected
	// worksheet is the worksheet of a workbook the user chose to read, of several.
	worksheet string
	// worksheets are a workbook's sheets of object types when it has several: the user
	// chooses to open them together or one of them (nothing was read).
	worksheets []string
}

// readPath reads a file: one sheet, or one per object type of a zip of several types.
// encoding is the user's choice for text files, "" to detect it; sheet the user's choice
// of a workbook's worksheets, "" for the one holding records. The formula protection
// of Bulkops' own exports and error files is taken off: a person's files are opened here.
func readPath(path, encoding, sheet string) readResult {
	opt := sheets.ReadOptions{Encoding: encoding, SheetName: sheet, Unprotect: true}
	if ext := strings.ToLower(filepath.Ext(path)); sheet == "" && (ext == ".xlsx" || ext == ".xlsm") {
		// Several sheets, even if only one holds records (an export of a type the
		// organization has none of is a header): which to open is asked, as one sheet
		// saved over the workbook would drop the others.
		if names, _, err := sheets.WorkbookSheetNames(path); err == nil && len(names) > 1 {
			return readResult{path: path, worksheets: names}
		}
	}
	if strings.EqualFold(filepath.Ext(path), ".zip") {
		ss, err := sheets.ReadZip(path, opt)
		if err == nil && mixed(ss) {
			return readResult{path: path, sheets: ss, encoding: encoding}
		}
	}
	sh, err := sheets.ReadFile(path, opt)
	if err != nil {
		return readResult{path: path, err: err, typed: untyped(err), encoding: encoding}
	}
	return readResult{path: path, sheets: []*sheets.Sheet{sh}, encoding: encoding, worksheet: sheet}
}

// untyped reports whether reading failed only because the header row matches no object
// type, which the user can tell instead.
func untyped(err error) bool { return errors.Is(err, sheets.ErrUnknownObject) }

// mixed reports whether a zip held sheets of more than one object type. (Sheets of one
// type are merged by ReadFile.)
func mixed(ss []*sheets.Sheet) bool {
	for _, s := range ss[1:] {
		if s.Object != ss[0].Object {
			return true
		}
	}
	return false
}

// opened puts what was read into the workspace.
func (s *Shell) opened(r readResult) {
	if r.typed {
		s.askObject(r.path)
		return
	}
	if names := r.worksheets; names != nil {
		s.askSheet(r.path, names)
		return
	}
	if names := sheets.RecordSheets(r.err); names != nil {
		s.askSheet(r.path, names)
		return
	}
	if r.err != nil {
		dialog.ShowError(r.err, s.win)
		return
	}
	if d := guessedEncoding(r); d != nil {
		s.askEncoding(r, d)
		return
	}
	if len(r.sheets) > 1 { // a zip of several types, as export --all writes one
		s.openZipBook(r.path, r.sheets)
		return
	}
	s.app.Preferences().SetString(prefLastDir, filepath.Dir(r.path))
	s.remember(r.path)
	path := r.path
	if r.worksheet != "" {
		// One worksheet of several of a workbook is saved on its own, wherever the user
		// says: saved over its file it would drop the others.
		path = ""
	}
	for _, sh := range r.sheets {
		s.replaceAsking(sh, path, nil, false)
	}
	s.status.note(words.T("Opened %s", filepath.Base(r.path)))
}

// replaceAsking opens a sheet, asking first when it would replace unsaved edits. msgs go
// on its cells; modified marks it unsaved (it came from a job, not from its file).
func (s *Shell) replaceAsking(sh *sheets.Sheet, path string, msgs []sheets.Finding, modified bool) {
	open := func() {
		o := s.adoptWith(sh, path, msgs)
		if modified {
			o.Doc.MarkModified()
			s.updateTitle()
		}
	}
	old := s.ed.Get(sh.Object.Key)
	if old == nil || !old.Doc.Modified() {
		open()
		return
	}
	s.askUnsaved(old, words.T("Replace the open sheet?"),
		words.T("The %s sheet has unsaved changes. Save them before %s takes its place?", objectTitle(sh.Object), filepath.Base(sh.File)),
		words.T("Discard changes and open"), open)
}

// askObject asks which object type a file holds when its header row does not tell, and
// reads it again as that type.
func (s *Shell) askObject(file string) {
	var titles []string
	byTitle := map[string]*catalog.Object{}
	for _, o := range catalog.All() {
		if o.Format == catalog.FormatCSV {
			titles = append(titles, objectTitle(o))
			byTitle[objectTitle(o)] = o
		}
	}
	pick := widget.NewSelect(titles, nil)
	items := []*widget.FormItem{widget.NewFormItem(words.T("Object type"), pick)}
	dialog.ShowForm(words.T("Which object type is %s?", filepath.Base(file)),
		words.T("Open"), words.T("Cancel"), items, func(ok bool) {
			o := byTitle[pick.Selected]
			if !ok || o == nil {
				return
			}
			sh, err := sheets.ReadFile(file, sheets.ReadOptions{Object: o, Unprotect: true})
			if err != nil {
				dialog.ShowError(err, s.win)
				return
			}
			s.replaceAsking(sh, file, nil, false)
		}, s.win)
}

// newSheet starts an empty sheet of the chosen object type from the catalog's template.
func (s *Shell) newSheet() {
	o, ok := catalog.Lookup(s.selected)
	if !ok || o.Format != catalog.FormatCSV {
		return
	}
	sh := sheets.New(o)
	sh.File = o.Key + ".csv"
	s.replaceAsking(sh, "", nil, false)
}

// save writes the sheet shown to its file, or asks where when it has none.
func (s *Shell) save() {
	if o := s.ed.Current(); o != nil {
		s.saveThen(o, func() {})
	}
}

// saveAs asks where to save the sheet shown, as CSV or XLSX.
func (s *Shell) saveAs() {
	if o := s.ed.Current(); o != nil && s.book.has(o.Key()) {
		s.saveBookAs(nil)
	} else if o != nil {
		s.ed.Commit()
		s.saveAsThen(o, nil)
	}
}

// saveAsThen asks where to save o; then, if not nil, follows once it is saved.
func (s *Shell) saveAsThen(o *sheetview.OpenSheet, then func()) {
	filedialog.Save(s.win, saveName(o), []string{".xlsx", ".csv"}, s.lastDir(), func(path string) {
		if ext := strings.ToLower(filepath.Ext(path)); ext != ".csv" && ext != ".xlsx" {
			os.Remove(path) // the dialog created it under a name we do not write
			path += ".xlsx"
		}
		if s.writeTo(o, path) && then != nil {
			then()
		}
	})
}

// saveName proposes a file name: the file's own as XLSX, or the object type's.
func saveName(o *sheetview.OpenSheet) string {
	base := o.Key()
	if o.Path != "" {
		base = strings.TrimSuffix(filepath.Base(o.Path), filepath.Ext(o.Path))
	}
	return base + ".xlsx"
}

// writeTo saves a sheet with its findings (as notes and tints in an XLSX file).
func (s *Shell) writeTo(o *sheetview.OpenSheet, path string) bool {
	if err := sheets.WriteFile(path, o.Sheet(), s.ed.SheetFindings(o)); err != nil {
		if !strings.Contains(err.Error(), path) {
			err = fmt.Errorf("%s: %w", path, err)
		}
		dialog.ShowError(err, s.win)
		return false
	}
	o.Path = path
	o.Sheet().File = path
	o.Doc.MarkSaved()
	s.drafts.forget(o.Key())
	s.remember(path)
	s.app.Preferences().SetString(prefLastDir, filepath.Dir(path))
	s.status.note(words.T("Saved %s", filepath.Base(path)))
	s.updateTitle()
	return true
}

// closeSheet closes the sheet shown, asking first when it has unsaved changes.
func (s *Shell) closeSheet() {
	o := s.ed.Current()
	if o == nil {
		return
	}
	s.ed.Commit()
	closeIt := func() {
		s.ed.Close(o.Key())
		s.leaveBook(o.Key())
		s.drafts.forget(o.Key())
		s.refreshAll()
		s.selectObject(o.Key())
	}
	if !o.Doc.Modified() {
		closeIt()
		return
	}
	s.askUnsaved(o, words.T("Close without saving?"),
		words.T("The %s sheet has unsaved changes. Save them before it closes?", objectTitle(o.Sheet().Object)),
		words.T("Discard changes and close"), closeIt)
}

// lastDir is the folder last opened from or saved to, where file dialogs start.
func (s *Shell) lastDir() string { return s.app.Preferences().String(prefLastDir) }
