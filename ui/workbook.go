package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/ui/words"
)

// workbook is a workbook opened as a whole (as bulkops export --all writes one): its
// file and the object types of its sheets, in the order they depend on each other.
// Its sheets are open in the editor like any others (references between them are
// checked as between any open sheets), grouped under its name in the sheet tree, and
// saved together, to the one file: saving one of them alone would drop the others from
// it. Its sheets' own Path is "", so a sheet that leaves it (closed, replaced, restored
// from a draft) never overwrites the workbook on its own.
type workbook struct {
	path string
	keys []string
	// others are the file's worksheets of no object type (a person's notes): saved over,
	// the file would lose them, so saving asks first.
	others []string
}

// bookRead is what was read of a workbook: its sheets of object types and the names of
// its other worksheets.
type bookRead struct {
	path   string
	sheets []*sheets.Sheet
	others []string
}

// readBook reads a workbook's sheets of object types, one per type; off the UI goroutine.
func readBook(path string) (bookRead, error) {
	ss, err := sheets.ReadWorkbookSheets(path, sheets.ReadOptions{Unprotect: true})
	if err == nil {
		err = oneSheetPerType(path, ss)
	}
	if err != nil {
		return bookRead{}, err
	}
	_, others, err := sheets.WorkbookSheetNames(path)
	return bookRead{path: path, sheets: ss, others: others}, err
}

// has reports whether the open sheet of object type key belongs to the workbook.
func (b *workbook) has(key string) bool { return b != nil && slices.Contains(b.keys, key) }

// name is the workbook's file name, as the tree and the messages show it.
func (b *workbook) name() string { return filepath.Base(b.path) }

// openWorkbook reads every sheet of a workbook off the UI goroutine and opens them
// together.
func (s *Shell) openWorkbook(path string) {
	s.status.note(words.T("Opening %s…", filepath.Base(path)))
	s.async(func() {
		r, err := readBook(path)
		fyne.Do(func() {
			if err != nil {
				dialog.ShowError(err, s.win)
				return
			}
			s.adoptWorkbookAsking(r)
		})
	})
}

// openZipBook opens a zip of CSV files of several types as a workbook: the files of one
// type (an export splits a type of more than 5,000 rows into parts) make one sheet, so
// no part takes another's place. It is saved as an XLSX workbook (saveBookThen).
func (s *Shell) openZipBook(path string, ss []*sheets.Sheet) {
	var merged []*sheets.Sheet
	at := map[*catalog.Object]int{}
	var groups [][]*sheets.Sheet
	for _, sh := range ss {
		i, ok := at[sh.Object]
		if !ok {
			i, at[sh.Object] = len(groups), len(groups)
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], sh)
	}
	for _, g := range groups {
		m := g[0]
		if len(g) > 1 {
			var err error
			if m, err = sheets.Merge(path, g); err != nil {
				dialog.ShowError(err, s.win)
				return
			}
		}
		merged = append(merged, m)
	}
	s.adoptWorkbookAsking(bookRead{path: path, sheets: merged})
}

// oneSheetPerType refuses a workbook with two worksheets of one object type: the window
// holds one sheet per type, so they are opened one at a time.
func oneSheetPerType(path string, ss []*sheets.Sheet) error {
	seen := map[*catalog.Object]bool{}
	for _, s := range ss {
		if seen[s.Object] {
			return fmt.Errorf("%s: %s", filepath.Base(path), words.T("more than one of its sheets holds %s; open them one at a time", objectTitle(s.Object)))
		}
		seen[s.Object] = true
	}
	return nil
}

// adoptWorkbookAsking opens a workbook's sheets, asking first when they would replace
// open sheets with unsaved edits (named, all in one question).
func (s *Shell) adoptWorkbookAsking(r bookRead) {
	var unsaved []string
	for _, sh := range r.sheets {
		if o := s.ed.Get(sh.Object.Key); o != nil && o.Doc.Modified() {
			unsaved = append(unsaved, objectTitle(sh.Object))
		}
	}
	if len(unsaved) == 0 {
		s.adoptBook(r, nil)
		return
	}
	dialog.ShowConfirm(words.T("Replace the open sheets?"),
		words.T("%s replaces open sheets with unsaved changes: %s. Discard those changes?", filepath.Base(r.path), strings.Join(unsaved, ", ")),
		func(ok bool) {
			if ok {
				s.adoptBook(r, nil)
			}
		}, s.win)
}

// adoptBook puts a workbook's sheets in the editor in dependency order and shows the
// first; the sheets of the types open (restored drafts of the workbook) are kept as
// they are, edits and all.
func (s *Shell) adoptBook(r bookRead, open []string) {
	path := r.path
	byType := map[*catalog.Object]*sheets.Sheet{}
	var objs []*catalog.Object
	for _, sh := range r.sheets {
		byType[sh.Object] = sh
		objs = append(objs, sh.Object)
	}
	for _, k := range open {
		objs = append(objs, s.ed.Get(k).Sheet().Object)
	}
	order, _ := catalog.DependencyOrder(objs)
	b := &workbook{path: path, others: r.others}
	for _, o := range order {
		if sh := byType[o]; sh != nil {
			s.ed.Open(sh, "", nil)
		}
		b.keys = append(b.keys, o.Key)
	}
	s.book = b
	s.app.Preferences().SetString(prefLastDir, filepath.Dir(path))
	s.remember(path)
	s.nav.showBook()
	s.refreshAll()
	s.selectObject(b.keys[0])
	s.nav.tree.Select(bookLeafID(b.keys[0]))
	s.status.note(words.T("Opened %s as a workbook. Sheets: %d, in the order they depend on each other.", b.name(), len(b.keys)))
}

// leaveBook takes an object type's sheet out of the workbook (it was closed, or another
// sheet of its type took its place); the workbook goes once it has no sheet left.
func (s *Shell) leaveBook(key string) {
	if !s.book.has(key) {
		return
	}
	s.book.keys = slices.DeleteFunc(s.book.keys, func(k string) bool { return k == key })
	if len(s.book.keys) == 0 {
		s.book = nil
		s.drafts.forgetBook()
	}
	s.nav.showBook()
}

// pathOf is where an open sheet is saved: its own file, or its workbook's.
func (s *Shell) pathOf(key, own string) string {
	if s.book.has(key) {
		return s.book.path
	}
	return own
}
