package bulk

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// firstErrors is how many failed rows the detail lists; the error file has them all.
const firstErrors = 20

// The fields of a job's detail, in the order shown.
const (
	fieldID = iota
	fieldFile
	fieldObject
	fieldStatus
	fieldReason
	fieldOrg
	fieldSubmitted
	fieldStarted
	fieldEnded
	fieldDuration
	fieldTotal
	fieldSucceeded
	fieldFailed
	numFields
)

func fieldTitle(f int) string {
	return [numFields]string{words.T("Job ID"), words.T("File name"), words.T("Object"),
		words.T("Status"), words.T("Reason"), words.T("Organization"), words.T("Submitted by"),
		words.X("window: Started", "Started"), words.X("window: Ended", "Ended"), words.T("Duration"), words.T("Rows"),
		words.T("Succeeded"), words.T("Failed")}[f]
}

// detail shows one job: every field, its counts, progress while it runs, the first
// errors, and what to do with the failed rows.
type detail struct {
	b        *Bulk
	id       string // the job shown; "" when the detail is not shown
	job      jobs.Job
	fields   [numFields]*widget.Label
	progress *widget.ProgressBar
	errors   *widget.Label // the first errors, one a line
	changes  *widget.Label // the first planned updates, one a cell
	export   *widget.Button
	fix      *widget.Button
	stop     *widget.Button
	undo     *widget.Button // "Undo this job…"
	undoWhy  *widget.Label  // why the job has no undo
	linked   *widget.Button // the job this one undoes, or its undo; a click opens it
	linkedID string
	planning bool          // an undo's plan is being worked out
	note     *widget.Label // the outcome of the last action (an error file saved)
	steps    *stepsView    // a workbook job's steps
	content  fyne.CanvasObject

	errorsFor string // the job and counts the errors were read for
	opsFor    string // the job and count the operations were read for
	opsText   string // what they said, for the Succeeded field

	// notes are what the job says of rows it did ("already gone" of a delete answered
	// 404), under their title; hidden when it says nothing.
	notes, notesTitle *widget.Label
}

func newDetail(b *Bulk) *detail {
	d := &detail{b: b}
	// The fields in two columns: in one, the failures were below the fold of a 700 px
	// high window.
	left, right := container.New(layout.NewFormLayout()), container.New(layout.NewFormLayout())
	for f := range d.fields {
		d.fields[f] = widget.NewLabel("")
		d.fields[f].Wrapping = fyne.TextWrapWord
		title := widget.NewLabel(fieldTitle(f))
		title.TextStyle.Bold = true
		form := left
		if int(f) >= (len(d.fields)+1)/2 {
			form = right
		}
		form.Add(title)
		form.Add(d.fields[f])
	}
	form := container.NewGridWithColumns(2, left, right)
	d.fields[fieldStatus].TextStyle.Bold = true
	d.progress = widget.NewProgressBar()
	d.note = widget.NewLabel("")
	d.note.Wrapping = fyne.TextWrapWord
	d.errors = widget.NewLabel("")
	d.errors.Wrapping = fyne.TextWrapWord
	back := widget.NewButtonWithIcon(words.T("Back to the jobs"), theme.NavigateBackIcon(), b.showDashboard)
	d.export = widget.NewButtonWithIcon(words.T("Export errors"), theme.DocumentSaveIcon(), d.exportErrors)
	d.fix = widget.NewButtonWithIcon(words.T("Fix in editor"), theme.DocumentCreateIcon(), d.fixInEditor)
	d.fix.Importance = widget.HighImportance
	d.stop = widget.NewButtonWithIcon(words.T("Stop the job"), theme.MediaStopIcon(), d.stopJob)
	d.undo = widget.NewButtonWithIcon(words.T("Undo this job…"), theme.ContentUndoIcon(), d.startUndo)
	d.undoWhy = widget.NewLabel("")
	d.undoWhy.Wrapping = fyne.TextWrapWord
	d.linked = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), d.openLinked)
	d.linked.Importance = widget.LowImportance
	d.linked.Alignment = widget.ButtonAlignLeading
	// What to do with the job sits under its counts, not at the top right where the
	// dashboard's New bulk operation was a moment before: a second click there must not
	// export or open anything.
	bar := container.NewHBox(back)
	actions := container.NewHBox(d.fix, d.export, d.undo, layout.NewSpacer(), d.stop)
	errTitle := widget.NewLabel(words.T("First errors"))
	errTitle.TextStyle.Bold = true
	d.changes = widget.NewLabel("")
	d.changes.Wrapping = fyne.TextWrapWord
	chTitle := widget.NewLabel(words.T("Changes planned"))
	chTitle.TextStyle.Bold = true
	d.notes, d.notesTitle = widget.NewLabel(""), widget.NewLabel(words.T("Notes"))
	d.notes.Wrapping, d.notesTitle.TextStyle.Bold = fyne.TextWrapWord, true
	d.showNotes("")
	d.steps = newStepsView(d)
	body := container.NewVBox(form, d.progress, actions, d.undoWhy, d.linked, d.note, d.steps.content, errTitle, d.errors,
		d.notesTitle, d.notes, chTitle, d.changes)
	d.content = container.NewBorder(bar, nil, nil, nil, container.NewVScroll(body))
	return d
}

// showJob opens the detail of job id.
func (b *Bulk) showJob(id string) {
	b.detail.id = id
	b.detail.errorsFor, b.detail.opsFor = "", ""
	b.detail.changes.SetText("")
	b.detail.loadChanges(id)
	b.detail.errors.SetText("")
	b.detail.showNotes("")
	b.detail.note.SetText("")
	b.detail.refresh()
	b.show(b.detail.content)
}

// refresh shows the job as the dashboard last read it (or reads it when it is not
// listed: an old job opened from the command line's id).
func (d *detail) refresh() {
	if d.id == "" {
		return
	}
	j, ok := d.b.job(d.id)
	if !ok {
		d.load()
		return
	}
	d.show(j)
}

func (d *detail) load() {
	id, store, ctx := d.id, d.b.store, d.b.ctx
	d.b.async(func() {
		j, err := store.Get(ctx, id)
		fyne.Do(func() {
			if d.id != id {
				return
			}
			if err != nil {
				d.fields[fieldStatus].SetText(errorText(err))
				return
			}
			d.show(j)
		})
	})
}

func (d *detail) show(j jobs.Job) {
	d.job = j
	values := [numFields]string{j.ID, j.FileName, cellText(j, colObject), statusLine(j), j.ReasonIn(words.Language()),
		jobs.OrgLabel(jobs.OrgShown(words.Language(), j.OrgName), j.OrgID), submittedBy(j), when(j.StartedAt), when(j.EndedAt), duration(j, time.Now()),
		strconv.Itoa(j.Total), strconv.Itoa(j.Succeeded), strconv.Itoa(j.Failed)}
	for f, v := range values {
		if v == "" {
			v = "—"
		}
		d.fields[f].SetText(v)
	}
	d.fields[fieldStatus].Importance = statusImportance(j.Status)
	d.fields[fieldStatus].Refresh()
	d.progress.SetValue(j.Fraction())
	if j.Status.Active() {
		d.progress.Show()
		d.stop.Show()
	} else {
		d.progress.Hide()
		d.stop.Hide()
	}
	if j.Failed > 0 {
		d.export.Enable()
		d.fix.Enable()
	} else {
		d.export.Disable()
		d.fix.Disable()
	}
	d.showUndoLinks(j)
	d.loadErrors(j)
	d.loadOperations(j)
	d.steps.show(j)
}

// loadErrors reads the first failed rows again when the count of failures changed.
func (d *detail) loadErrors(j jobs.Job) {
	key := j.ID + "/" + strconv.Itoa(j.Failed)
	if key == d.errorsFor {
		return
	}
	d.errorsFor = key
	if j.Failed == 0 {
		d.errors.SetText(words.T("None"))
		return
	}
	store, ctx := d.b.store, d.b.ctx
	d.b.async(func() {
		rows, err := store.Rows(ctx, j.ID, jobs.Fail)
		fyne.Do(func() {
			if d.id != j.ID {
				return
			}
			if err != nil {
				d.errors.SetText(errorText(err))
				return
			}
			d.errors.SetText(errorLines(rows, firstErrors))
		})
	})
}

// say shows the outcome of an action.
func (d *detail) say(text string) { d.note.SetText(text) }

// stopJob asks, then has the process running the job stop it for good: the rows not sent
// yet fail, and the job ends Failed.
func (d *detail) stopJob() {
	id := d.id
	dialog.ShowConfirm(words.T("Stop job %s?", id),
		words.T("The rows not sent yet will not be sent, and the job ends Failed. What was saved stays saved."),
		func(ok bool) {
			if ok {
				d.b.stopJob(id)
			}
		}, d.b.win)
}

func (b *Bulk) stopJob(id string) {
	store, ctx := b.store, b.ctx
	b.async(func() {
		err := store.RequestCancel(ctx, id)
		fyne.Do(func() {
			if err != nil {
				b.showError(err)
			}
			b.Refresh()
		})
	})
}
