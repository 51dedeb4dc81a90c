package sheetview

import (
	"slices"
	"strings"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/ui/grid"
)

// workspace is the set of sheets open in the window, at most one per object type, and
// the checker that keeps their findings current as they are edited. References between
// the open sheets are checked against each other, and against the organization's names
// once they are known.
type workspace struct {
	open    map[string]*OpenSheet // by object type key
	checker *sheets.Checker
	known   sheets.Known
}

// OpenSheet is one sheet being edited and where it is saved.
type OpenSheet struct {
	Doc  *grid.Document
	Path string // the file it is saved to; "" for a new sheet or one read from a zip
	view *sheetView
	// notes are messages from Control Hub or a job, and the last check's warnings,
	// shown until their cell changes.
	notes notes
	// changes are the cells the last check found a job would change (ShowChanges).
	changes changeMarks
}

// Sheet returns what the sheet holds now.
func (o *OpenSheet) Sheet() *sheets.Sheet { return o.Doc.Sheet() }

// Key returns the key of the sheet's object type.
func (o *OpenSheet) Key() string { return o.Sheet().Object.Key }

// findingsAt returns the checker's findings on a cell (col -1: the row) and the notes
// that still apply to it.
func (w *workspace) findingsAt(o *OpenSheet, m, col int) []sheets.Finding {
	fs := w.checker.At(o.Sheet(), m, col)
	return append(fs, o.notes.at(o.Sheet(), m, col)...)
}

// errors counts a sheet's errors and warnings, notes included.
func (w *workspace) counts(o *OpenSheet) (errs, warns int) {
	errs, warns = w.checker.Counts(o.Sheet())
	for _, f := range o.notes.all(o.Sheet()) {
		if f.Severity == sheets.Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

func newWorkspace() *workspace {
	return &workspace{open: map[string]*OpenSheet{}, checker: sheets.NewChecker(nil, nil)}
}

// add opens a sheet, replacing the open sheet of the same object type. msgs are findings
// on its cells from outside the checker.
func (w *workspace) add(s *sheets.Sheet, path string, msgs []sheets.Finding) *OpenSheet {
	o := &OpenSheet{Path: path, notes: newNotes(s, msgs)}
	o.Doc = grid.New(s)
	_, replaced := w.open[s.Object.Key]
	w.open[s.Object.Key] = o
	if replaced {
		w.rebuild()
	} else {
		w.checker.Reset(s)
	}
	return o
}

// remove closes the sheet of an object type.
func (w *workspace) remove(key string) {
	if _, ok := w.open[key]; ok {
		delete(w.open, key)
		w.rebuild()
	}
}

func (w *workspace) get(key string) *OpenSheet { return w.open[key] }

// list returns the open sheets in the catalog's order.
func (w *workspace) list() []*OpenSheet {
	var out []*OpenSheet
	for _, o := range catalog.All() {
		if s := w.open[o.Key]; s != nil {
			out = append(out, s)
		}
	}
	return out
}

func (w *workspace) sheets() []*sheets.Sheet {
	var out []*sheets.Sheet
	for _, o := range w.list() {
		out = append(out, o.Sheet())
	}
	return out
}

func (w *workspace) rebuild() { w.checker = sheets.NewChecker(w.sheets(), w.known) }

// changed rechecks after an edit: only the rows it touched, or the whole sheet after rows
// moved.
func (w *workspace) changed(o *OpenSheet, ch grid.Change) {
	if ch.Structural {
		w.checker.Reset(o.Sheet())
		return
	}
	w.checker.Update(o.Sheet(), ch.Rows...)
}

func (w *workspace) setKnown(k sheets.Known) {
	w.known = k
	w.checker.SetKnown(k)
}

// names returns the names a reference to object type ref may use: those defined in the
// open sheet of that type and those the organization holds, sorted, without repeats.
func (w *workspace) names(ref string) []string {
	var out []string
	if o := w.open[ref]; o != nil {
		s := o.Sheet()
		if col := nameColumn(s); col >= 0 {
			for r := range s.Rows {
				if v := strings.TrimSpace(s.Cell(r, col)); v != "" {
					out = append(out, v)
				}
			}
		}
	}
	out = append(out, w.known[ref]...)
	slices.SortFunc(out, func(a, b string) int {
		if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return slices.Compact(out)
}

// nameColumn is the column other objects refer to a sheet's records by: its first key
// column (Name; Email for users).
func nameColumn(s *sheets.Sheet) int {
	if s.Object == nil || len(s.Object.KeyColumns) == 0 {
		return -1
	}
	return s.Index(s.Object.KeyColumns[0])
}
