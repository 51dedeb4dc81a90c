package jobs

import (
	"github.com/bulkops/bulkops/internal/atomicfile"

	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// ErrorSheet returns the failed rows of job id as a sheet: the package's columns, each
// row as submitted with its message in Row.Message — what Control Hub's error file holds.
// Write it with sheets.WriteErrorCSV, or open it in the editor to fix and submit again.
// The rows of a parent/child object go together: when one fails, all of them are in it.
// The findings are the same messages on the error sheet's cells (errorFinding).
func (s *Store) ErrorSheet(ctx context.Context, id string) (*sheets.Sheet, []sheets.Finding, error) {
	j, err := s.Get(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	obj, ok := catalog.Lookup(j.Object)
	if !ok {
		return nil, nil, i18n.Errorf("job %s: unknown object type %q", id, j.Object)
	}
	files, err := s.Files(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	rows, err := s.Rows(ctx, id, Fail)
	if err != nil {
		return nil, nil, err
	}
	sh := &sheets.Sheet{Object: obj, File: errorFileName(j)}
	pos := make([][]int, len(files)) // file column → error sheet column
	for fi, f := range files {
		for _, h := range f.Header {
			i := sh.Index(h)
			if i < 0 {
				c := sheets.Column{Header: h}
				if ci := obj.Column(h); ci >= 0 {
					c.Spec = &obj.Columns[ci]
				}
				sh.Columns = append(sh.Columns, c)
				i = len(sh.Columns) - 1
			}
			pos[fi] = append(pos[fi], i)
		}
	}
	for _, r := range rows {
		cells := make([]string, len(sh.Columns))
		for i, v := range r.Cells {
			if i < len(pos[r.File]) {
				cells[pos[r.File][i]] = v
			}
		}
		sh.Rows = append(sh.Rows, sheets.Row{Cells: cells, Message: r.Message})
	}
	for i := range sh.Rows { // a column added by a later file widens earlier rows
		for len(sh.Rows[i].Cells) < len(sh.Columns) {
			sh.Rows[i].Cells = append(sh.Rows[i].Cells, "")
		}
	}
	fs := make([]sheets.Finding, len(rows))
	for i, r := range rows {
		fs[i] = errorFinding(sh, i, r)
	}
	return sh, fs, nil
}

// errorFileName is the name Bulkops gives a job's error file: the job id and the file.
func errorFileName(j Job) string {
	base := j.FileName
	base = base[:len(base)-len(filepath.Ext(base))]
	return fmt.Sprintf("%s_%s_errors.csv", base, j.ID)
}

// WriteErrors writes job id's error file (failed rows plus Error Message) to w and
// returns the number of rows written.
func (s *Store) WriteErrors(ctx context.Context, id string, w io.Writer) (int, error) {
	sh, _, err := s.ErrorSheet(ctx, id)
	if err != nil {
		return 0, err
	}
	return len(sh.Rows), sheets.WriteErrorCSVWith(w, sh, sheets.WriteOptions{ProtectFormulas: true}) // a person opens it
}

// WriteErrorsFile writes job id's error file at path, whole or not at all: a workbook
// when path ends in .xlsx (the cells as text, so leading zeros survive, each message also
// in a note on its cell), else Control Hub's CSV. It returns the rows written and, for a
// CSV file, what a spreadsheet would change in it (sheets.CSVLossNote; zero if nothing).
//
// A workbook job's error file is one per type (writeWorkbookErrors): a .xlsx workbook
// with a worksheet per type, or a .zip of CSV files.
func (s *Store) WriteErrorsFile(ctx context.Context, id, path string) (n int, note i18n.Msg, err error) {
	return s.WriteErrorsFileOf(ctx, id, path, "")
}

// WriteErrorsFileOf is WriteErrorsFile of one type of a workbook job (object, a type
// key; "" for all of them). A job of one type has only its own.
func (s *Store) WriteErrorsFileOf(ctx context.Context, id, path, object string) (n int, note i18n.Msg, err error) {
	j, err := s.Get(ctx, id)
	if err != nil {
		return 0, note, err
	}
	if j.Object == WorkbookObject {
		return s.writeWorkbookErrors(ctx, id, path, object)
	}
	if object != "" && object != j.Object {
		return 0, note, i18n.Errorf("job %s is a job of %s, not of %s", id, j.Object, object)
	}
	sh, errs, err := s.ErrorSheet(ctx, id)
	if err != nil {
		return 0, note, err
	}
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return len(sh.Rows), note, sheets.WriteFile(path, sh, errs)
	}
	err = atomicfile.Write(path, 0o644, func(w io.Writer) error {
		return sheets.WriteErrorCSVWith(w, sh, sheets.WriteOptions{ProtectFormulas: true}) // a person opens it
	})
	if err != nil {
		return 0, note, err
	}
	return len(sh.Rows), sheets.CSVLossNote(sh), nil
}

// errorFinding is failed row r, the i-th of error sheet sh, as a finding on the cell of
// the column its message is about (on the row when it is about no one column): the
// message in English as the error file has it, and as a template, so that a window shows
// it in the user's language.
func errorFinding(sh *sheets.Sheet, i int, r Row) sheets.Finding {
	text := r.Text
	if text.IsZero() { // a store from before messages were kept as templates
		text = i18n.Raw(r.Message)
	}
	f := sheets.NewFinding(sh.File, sheets.RowNumber(i), -1, "", sheets.Error, text)
	f.Message = r.Message // the English the error file has, as stored
	if r.Column != "" {
		if f.Col = sh.Index(r.Column); f.Col >= 0 {
			f.Column = sh.Columns[f.Col].Header
		}
	}
	return f
}
