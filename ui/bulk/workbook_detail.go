package bulk

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// A workbook job's detail lists its steps, one a line in the order they run: the type,
// a bar of its progress, its status and counts, and — once it has failed rows — its
// first errors with its own Export errors and Fix in editor (each step is a job of one
// type, with an error file of its own).

// stepErrors bounds the failed rows listed under a step.
const stepErrors = 5

// stepRow is a step's line on the detail.
type stepRow struct {
	job    jobs.Job
	title  *widget.Label
	bar    *widget.ProgressBar
	status *widget.Label
	counts *widget.Label
	errors *widget.Label
	export *widget.Button
	fix    *widget.Button
	box    fyne.CanvasObject

	errorsFor string // the step and count of failures its errors were read for
}

// stepsView is the detail's list of steps; hidden for a job of one type.
type stepsView struct {
	d       *detail
	rows    []*stepRow
	list    *fyne.Container
	content *fyne.Container
	readFor string // the workbook job and counts the steps were read for
	opsText string // the Succeeded field: the steps' operations summed
}

func newStepsView(d *detail) *stepsView {
	v := &stepsView{d: d, list: container.NewVBox()}
	title := widget.NewLabel(words.T("Steps"))
	title.TextStyle.Bold = true
	v.content = container.NewVBox(title, v.list)
	v.content.Hide()
	return v
}

// show reads the steps of workbook job j again when its counts or status moved, and
// hides the list for a job of one type.
func (v *stepsView) show(j jobs.Job) {
	if j.Object != jobs.WorkbookObject {
		v.content.Hide()
		v.d.export.Show()
		v.d.fix.Show()
		v.readFor = ""
		return
	}
	// The workbook has no rows of its own: its error file is a worksheet per type
	// (Export errors), and the editor takes a type's failed rows from its step's line.
	v.d.export.Show()
	v.d.fix.Hide()
	v.content.Show()
	key := fmt.Sprintf("%s/%s/%d/%d", j.ID, j.Status, j.Succeeded, j.Failed)
	if key == v.readFor {
		if v.opsText != "" {
			v.d.fields[fieldSucceeded].SetText(v.opsText)
		}
		return
	}
	v.readFor, v.opsText = key, ""
	store, ctx, b := v.d.b.store, v.d.b.ctx, v.d.b
	b.async(func() {
		steps, ops, err := readSteps(ctx, store, j.ID)
		fyne.Do(func() {
			if v.d.id != j.ID || v.readFor != key {
				return
			}
			if err != nil {
				v.d.say(errorText(err))
				return
			}
			v.opsText = operationsText(j.Succeeded, ops)
			v.d.fields[fieldSucceeded].SetText(v.opsText)
			v.showSteps(j, steps)
		})
	})
}

// readSteps reads a workbook job's steps and the sum of their succeeded rows by
// operation.
func readSteps(ctx context.Context, store *jobs.Store, id string) ([]jobs.Job, jobs.Operations, error) {
	var sum jobs.Operations
	steps, err := store.Steps(ctx, id)
	for _, st := range steps {
		if err != nil || st.Succeeded == 0 {
			continue
		}
		var ops jobs.Operations
		ops, err = store.Operations(ctx, st.ID)
		sum.Created, sum.Updated, sum.Unchanged, sum.Deleted = sum.Created+ops.Created, sum.Updated+ops.Updated,
			sum.Unchanged+ops.Unchanged, sum.Deleted+ops.Deleted
	}
	return steps, sum, err
}

func (v *stepsView) showSteps(parent jobs.Job, steps []jobs.Job) {
	if len(v.rows) != len(steps) {
		v.rows = nil
		v.list.Objects = nil
		for range steps {
			r := v.newRow()
			v.rows = append(v.rows, r)
			v.list.Add(r.box)
		}
	}
	for i, st := range steps {
		v.rows[i].show(v, parent, st)
	}
	v.list.Refresh()
}

func (v *stepsView) newRow() *stepRow {
	r := &stepRow{title: widget.NewLabel(""), bar: widget.NewProgressBar(), status: widget.NewLabel(""),
		counts: widget.NewLabel(""), errors: newWrapLabel(widget.DangerImportance)}
	r.status.TextStyle.Bold = true
	// A type's error file and its rows to fix are the type's, not the step's: its
	// deletes, its creates and updates and its second pass came from one sheet.
	r.export = widget.NewButtonWithIcon(words.T("Export errors"), theme.DocumentSaveIcon(), func() {
		parent, obj := v.d.job, r.job.Object
		v.d.b.files.save(typeErrorFileName(parent, obj), []string{".xlsx", ".csv"}, func(path string) { v.d.b.exportErrorsTo(parent.ID, obj, path) })
	})
	r.fix = widget.NewButtonWithIcon(words.T("Fix in editor"), theme.DocumentCreateIcon(), func() { v.d.b.fixType(v.d.job.ID, r.job.Object) })
	// A line a step, its bar beside its name, so that the 23 steps of a whole
	// organization fit on a screen.
	line := container.NewGridWithColumns(2, container.NewHBox(r.title, r.status, r.counts),
		container.NewBorder(nil, nil, nil, container.NewHBox(r.export, r.fix), r.bar))
	r.box = container.NewVBox(line, r.errors)
	return r
}

// show puts a step on its line.
func (r *stepRow) show(v *stepsView, parent jobs.Job, st jobs.Job) {
	r.job = st
	r.title.SetText(jobStepTitle(parent, st))
	r.status.SetText(StatusText(st.Status))
	r.status.Importance = statusImportance(st.Status)
	r.status.Refresh()
	r.counts.SetText(words.T("%d of %d rows, %d failed", st.Done(), st.Total, st.Failed))
	r.bar.SetValue(st.Fraction())
	if st.Failed == 0 {
		r.export.Hide()
		r.fix.Hide()
		r.errors.Hide()
		return
	}
	r.export.Show()
	if v.d.b.editor != nil {
		r.fix.Show()
	}
	r.loadErrors(v)
}

// jobStepTitle names a step of workbook job parent as its line does: "3. Team — deletes".
func jobStepTitle(parent, st jobs.Job) string {
	return fmt.Sprintf("%d. %s%s", st.Step, objectTitle(st.Object), stepKind(parent, st))
}

// stepKind says what a step does beyond its type's creates and updates, by the suffix
// the engine gives its file name (" (deletes)", " (second pass)").
func stepKind(parent, st jobs.Job) string {
	if rest := strings.TrimPrefix(st.FileName, parent.FileName); rest != st.FileName && rest != "" {
		switch strings.TrimSpace(rest) {
		case "(deletes)":
			return " — " + words.T("deletes")
		case "(second pass)":
			return " — " + words.T("second pass")
		}
	}
	return ""
}

// loadErrors reads the step's first failed rows when their count changed.
func (r *stepRow) loadErrors(v *stepsView) {
	key := fmt.Sprintf("%s/%d", r.job.ID, r.job.Failed)
	if key == r.errorsFor {
		return
	}
	r.errorsFor = key
	id, store, ctx := r.job.ID, v.d.b.store, v.d.b.ctx
	v.d.b.async(func() {
		rows, err := store.Rows(ctx, id, jobs.Fail)
		fyne.Do(func() {
			if r.job.ID != id {
				return
			}
			if err != nil {
				r.errors.SetText(errorText(err))
			} else {
				r.errors.SetText(errorLines(rows, stepErrors))
			}
			r.errors.Show()
		})
	})
}

// workbookLine is a workbook job as the dashboard names it: "Workbook: 6 types, 1,240
// rows".
func workbookLine(j jobs.Job) string {
	return words.T("Workbook: %d types, %s rows", j.Types, thousands(j.Total))
}

// thousands writes n with its thousands grouped as the window's language does: 1,240
// in English, 1 240 in Czech.
func thousands(n int) string {
	s := strconv.Itoa(n)
	sep := ","
	if words.Language() == "cs" {
		sep = "\u00a0"
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// errorExts are the kinds of error file a job writes: a workbook's is a workbook with a
// worksheet per type, or a zip of Control Hub CSV files.
func errorExts(j jobs.Job) []string {
	if j.Object == jobs.WorkbookObject {
		return []string{".xlsx", ".zip"}
	}
	return []string{".xlsx", ".csv"}
}

// typeErrorFileName is the name offered for one type's error file of a workbook job.
func typeErrorFileName(parent jobs.Job, object string) string {
	return strings.TrimSuffix(errorFileName(parent), "_errors.xlsx") + "_" + object + "_errors.xlsx"
}

// fixType opens the failed rows of one type of workbook job id in the editor.
func (b *Bulk) fixType(id, object string) {
	store, ctx := b.store, b.ctx
	b.openErrors(id, func() (*sheets.Sheet, []sheets.Finding, error) {
		ss, errs, err := store.WorkbookErrorSheets(ctx, id, object)
		if err != nil || len(ss) == 0 {
			return &sheets.Sheet{}, nil, err
		}
		return ss[0], errs[0], nil
	})
}
