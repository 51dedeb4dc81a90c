package jobs

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bulkops/bulkops/internal/atomicfile"
	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
)

// A workbook job's error file is one error sheet per type, not per step: a type's
// deletes, its creates and updates and its second pass came from the same sheet of the
// workbook, so their failed rows go back into one sheet the user fixes and submits
// again.

// typeErrors are the failed rows of one type of a workbook job.
type typeErrors struct {
	sheet *sheets.Sheet
	errs  []sheets.Finding
}

// WorkbookErrorSheets returns the error sheets of workbook job id, one per type with
// failed rows, in the order the job ran the types; only, when not "", keeps the type
// with that key alone (an error when the job has no such type).
func (s *Store) WorkbookErrorSheets(ctx context.Context, id, only string) ([]*sheets.Sheet, [][]sheets.Finding, error) {
	j, err := s.Get(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	steps, err := s.Steps(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	var order []string
	byType := map[string]*typeErrors{}
	for _, st := range steps {
		if only != "" && st.Object != only {
			continue
		}
		if byType[st.Object] == nil {
			order = append(order, st.Object)
			byType[st.Object] = &typeErrors{}
		}
		if st.Failed == 0 {
			continue
		}
		sh, errs, err := s.ErrorSheet(ctx, st.ID)
		if err != nil {
			return nil, nil, err
		}
		byType[st.Object].merge(sh, errs)
	}
	if only != "" && len(order) == 0 {
		return nil, nil, i18n.Errorf("job %s has no step of type %q: its types are %s", id, only, strings.Join(stepTypes(steps), ", "))
	}
	var ss []*sheets.Sheet
	var all [][]sheets.Finding
	for i, key := range order {
		te := byType[key]
		if te.sheet == nil || len(te.sheet.Rows) == 0 {
			continue
		}
		te.sheet.File = typeErrorName(j, i+1, key)
		for k := range te.errs {
			te.errs[k].File = te.sheet.File
		}
		ss = append(ss, te.sheet)
		all = append(all, te.errs)
	}
	return ss, all, nil
}

// stepTypes are the type keys of a workbook job's steps, each once.
func stepTypes(steps []Job) []string {
	var keys []string
	for _, st := range steps {
		if !slices.Contains(keys, st.Object) {
			keys = append(keys, st.Object)
		}
	}
	return keys
}

// typeErrorName names a type's error file in a workbook job's zip: NN, the type's place
// in the job's order, then the workbook's name and the job id as a job's error file has
// them.
func typeErrorName(j Job, n int, key string) string {
	base := strings.TrimSuffix(j.FileName, filepath.Ext(j.FileName))
	return fmt.Sprintf("%02d_%s_%s_%s_errors.csv", n, key, base, j.ID)
}

// merge adds a step's error sheet: its columns where the type's sheet lacks them, its
// rows after the others but for the records the sheet has already (a second pass of a
// record whose first pass failed fails with it: the first pass's message says why).
func (te *typeErrors) merge(sh *sheets.Sheet, errs []sheets.Finding) {
	if te.sheet == nil {
		te.sheet, te.errs = sh, errs
		return
	}
	pos := make([]int, len(sh.Columns))
	for i, c := range sh.Columns {
		pos[i] = te.sheet.Index(c.Header)
		if pos[i] < 0 {
			te.sheet.Columns = append(te.sheet.Columns, c)
			pos[i] = len(te.sheet.Columns) - 1
		}
	}
	have := recordKeys(te.sheet)
	at := map[int]int{} // the step sheet's row index → the type sheet's
	idx := keyIndexes(sh, sh.Object)
	for _, g := range sh.Groups() {
		if idx != nil && have[recordKey(sh.Rows[g[0]], idx)] {
			continue
		}
		for r := g[0]; r < g[1]; r++ {
			cells := make([]string, len(te.sheet.Columns))
			for i, v := range sh.Rows[r].Cells {
				cells[pos[i]] = v
			}
			te.sheet.Rows = append(te.sheet.Rows, sheets.Row{Cells: cells, Message: sh.Rows[r].Message})
			at[r] = len(te.sheet.Rows) - 1
		}
	}
	for i := range te.sheet.Rows { // a column a later step added widens earlier rows
		for len(te.sheet.Rows[i].Cells) < len(te.sheet.Columns) {
			te.sheet.Rows[i].Cells = append(te.sheet.Rows[i].Cells, "")
		}
	}
	for _, e := range errs { // the findings move with their rows and columns
		if r, ok := at[e.Row-sheets.RowNumber(0)]; ok {
			e.Row = sheets.RowNumber(r)
			if e.Col >= 0 {
				e.Col = pos[e.Col]
			}
			te.errs = append(te.errs, e)
		}
	}
}

// recordKeys are the keys of the records of sh (recordKey), nil when it lacks a key column.
func recordKeys(sh *sheets.Sheet) map[string]bool {
	idx := keyIndexes(sh, sh.Object)
	if idx == nil {
		return nil
	}
	out := map[string]bool{}
	for _, g := range sh.Groups() {
		out[recordKey(sh.Rows[g[0]], idx)] = true
	}
	return out
}

// recordKey is a row's key cells, without regard to case, as one string.
func recordKey(r sheets.Row, idx []int) string {
	parts := make([]string, len(idx))
	for i, c := range idx {
		if c < len(r.Cells) {
			parts[i] = strings.ToLower(strings.TrimSpace(r.Cells[c]))
		}
	}
	return strings.Join(parts, "\x00")
}

// writeWorkbookErrors writes workbook job id's error sheets at path: a workbook with a
// worksheet per type (.xlsx, each message also in a note on its cell) or a zip of
// Control Hub CSV error files, one per type (.zip); a single type (only) may also be
// written as one .csv file. It returns the rows written and, for CSV, what a
// spreadsheet would change in them.
func (s *Store) writeWorkbookErrors(ctx context.Context, id, path, only string) (int, i18n.Msg, error) {
	var note i18n.Msg
	ss, errs, err := s.WorkbookErrorSheets(ctx, id, only)
	if err != nil {
		return 0, note, err
	}
	if len(ss) == 0 {
		return 0, note, i18n.Errorf("job %s has no failed rows", id)
	}
	n := 0
	notes := make([][]sheets.Finding, len(ss))
	for i, sh := range ss {
		n += len(sh.Rows)
		notes[i] = errs[i]
		if note.IsZero() {
			note = sheets.CSVLossNote(sh)
		}
	}
	opt := sheets.WriteOptions{ProtectFormulas: true} // a person opens it
	switch ext := strings.ToLower(filepath.Ext(path)); {
	case ext == ".xlsx":
		return n, i18n.Msg{}, sheets.WriteWorkbookFileNoted(path, ss, notes, opt)
	case ext == ".zip":
		return n, note, atomicfile.Write(path, 0o644, func(w io.Writer) error { return writeErrorZip(w, ss, opt) })
	case ext == ".csv" && len(ss) == 1:
		return n, note, atomicfile.Write(path, 0o644, func(w io.Writer) error { return sheets.WriteErrorCSVWith(w, ss[0], opt) })
	}
	return 0, note, i18n.Errorf("%s: job %s is a workbook job with an error file per type: write them to a .xlsx workbook or a .zip of CSV files, or pick one type with --object (%s)",
		path, id, strings.Join(sheetTypes(ss), ", "))
}

func sheetTypes(ss []*sheets.Sheet) []string {
	keys := make([]string, len(ss))
	for i, s := range ss {
		keys[i] = s.Object.Key
	}
	return keys
}

// writeErrorZip writes a Control Hub error CSV per sheet, each named by its File.
func writeErrorZip(w io.Writer, ss []*sheets.Sheet, opt sheets.WriteOptions) error {
	z := zip.NewWriter(w)
	for _, s := range ss {
		f, err := z.Create(s.File)
		if err == nil {
			err = sheets.WriteErrorCSVWith(f, s, opt)
		}
		if err != nil {
			return err
		}
	}
	return z.Close()
}
