package bulk

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// errorLines lists the first n failed rows, one a line: "Row 4, Multimedia Profile: …".
func errorLines(rows []jobs.Row, n int) string {
	var b strings.Builder
	for i, r := range rows {
		if i == n {
			b.WriteString(words.T("… and %d more: Export errors has them all.", len(rows)-n))
			break
		}
		if r.Column != "" {
			b.WriteString(words.T("Row %d, %s: %s", r.Number, r.Column, r.MessageIn(words.Language())))
		} else {
			b.WriteString(words.T("Row %d: %s", r.Number, r.MessageIn(words.Language())))
		}
		b.WriteString("\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// errorFileName is the name offered for a job's error file.
func errorFileName(j jobs.Job) string {
	base := strings.TrimSuffix(j.FileName, filepath.Ext(j.FileName))
	if base == "" {
		base = j.Object
	}
	return fmt.Sprintf("%s_%s_errors.xlsx", base, j.ID) // first: a workbook keeps leading zeros
}

// exportErrors saves the failed rows with their Error Message column: as a workbook, the
// messages also in notes on their cells, or as Control Hub's CSV error file.
func (d *detail) exportErrors() {
	j := d.job
	d.b.files.save(errorFileName(j), errorExts(j), func(path string) {
		d.b.exportErrorsTo(j.ID, "", path)
	})
}

// exportErrorsTo writes job id's error file at path: of its type object alone when the
// job is a workbook's and object is not "".
func (b *Bulk) exportErrorsTo(id, object, path string) {
	store, ctx := b.store, b.ctx
	b.async(func() {
		n, note, err := store.WriteErrorsFileOf(ctx, id, path, object)
		fyne.Do(func() {
			if err != nil {
				b.showError(fmt.Errorf("%s: %w", path, err))
				return
			}
			b.detail.say(withCSVNote(words.T("Failed rows saved: %d, in %s", n, path), note))
		})
	})
}

// fixInEditor opens the failed rows in the editor, each message on its cell.
func (d *detail) fixInEditor() { d.b.fixRows(d.job.ID) }

// fixRows opens the failed rows of job id in the editor.
func (b *Bulk) fixRows(id string) {
	store, ctx := b.store, b.ctx
	b.openErrors(id, func() (*sheets.Sheet, []sheets.Finding, error) { return store.ErrorSheet(ctx, id) })
}

// openErrors opens the error sheet read (off the UI goroutine) in the editor, each
// message on its cell; id is the job it is of.
func (b *Bulk) openErrors(id string, read func() (*sheets.Sheet, []sheets.Finding, error)) {
	if b.editor == nil {
		return
	}
	b.async(func() {
		sh, errs, err := read()
		fyne.Do(func() {
			if err != nil {
				b.showError(err)
				return
			}
			if len(sh.Rows) == 0 {
				b.showError(errors.New(words.T("Job %s has no failed rows.", id)))
				return
			}
			sh, msgs := cellMessages(sh, errs)
			b.editor.OpenWithMessages(sh, msgs)
		})
	})
}

// cellMessages readies the failed rows for the editor, which shows each finding on its
// cell until the cell is edited. The sheet's own row messages are cleared: the findings
// replace them, so a corrected row no longer reads as failed.
func cellMessages(sh *sheets.Sheet, errs []sheets.Finding) (*sheets.Sheet, []sheets.Finding) {
	sh = sh.Clone()
	for i := range sh.Rows {
		sh.Rows[i].Message = ""
	}
	return sh, errs
}

// showError shows an error in a dialog of the window.
func (b *Bulk) showError(err error) {
	if b.win != nil {
		dialog.ShowError(err, b.win)
	}
	fyne.LogError("bulk operations", err)
}
