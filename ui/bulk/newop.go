package bulk

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/ui/words"
)

// newOperation is the New bulk operation page, Control Hub's flow improved: choose the
// object type; then export (a template or the organization's records) or import (the
// sheet open in the editor, or a file), which is checked against the organization,
// summarised, packed and submitted, with the job's progress shown until the user closes
// the page (the job goes on).
type newOperation struct {
	b       *Bulk
	objects []*catalog.Object
	object  *widget.Select
	mode    *widget.RadioGroup
	note    *widget.Label // what is happening, or what went wrong
	close   *widget.Button
	content fyne.CanvasObject

	exp exportPanel
	imp importPanel

	jobID      string // the job this page submitted
	fromEditor string // the object type of the editor's sheet it was, or ""
	progress   *widget.ProgressBar
	jobText    *widget.Label
	openJob    *widget.Button
	scroll     *container.Scroll
}

func newNewOperation(b *Bulk) *newOperation {
	f := &newOperation{b: b}
	var titles []string
	for _, o := range catalog.All() {
		f.objects = append(f.objects, o)
		titles = append(titles, words.Text(o.Title))
	}
	f.object = widget.NewSelect(titles, func(string) { f.objectChanged() })
	f.mode = widget.NewRadioGroup([]string{modeImport(), modeExport()}, func(string) { f.modeChanged() })
	f.mode.Horizontal = true
	f.mode.Required = true
	f.note = widget.NewLabel("")
	f.note.Wrapping = fyne.TextWrapWord
	f.close = widget.NewButtonWithIcon(words.T("Close"), theme.CancelIcon(), func() {
		b.showDashboard()
		b.focus(b.dash.newOp)
	})
	f.progress = widget.NewProgressBar()
	f.jobText = widget.NewLabel("")
	f.jobText.Wrapping = fyne.TextWrapWord
	f.openJob = widget.NewButton(words.T("Show the job"), func() {
		b.showJob(f.jobID)
		b.focus(b.detail.fix) // when the job has failed rows to fix
	})
	f.exp.build(f)
	f.imp.build(f)
	title := widget.NewLabel(words.T("New bulk operation"))
	title.TextStyle.Bold = true
	form := widget.NewForm(
		widget.NewFormItem(words.T("Object"), f.object),
		widget.NewFormItem(words.T("Operation"), f.mode))
	jobBox := container.NewVBox(f.progress, container.NewBorder(nil, nil, nil, f.openJob, f.jobText))
	body := container.NewVBox(form, f.exp.content, f.imp.content, f.note, jobBox)
	f.scroll = container.NewVScroll(body)
	f.content = container.NewBorder(container.NewHBox(title, layout.NewSpacer(), f.close), nil, nil, nil, f.scroll)
	return f
}

func modeImport() string { return words.T("Import records") }
func modeExport() string { return words.T("Export") }

// startNewOperation opens the page afresh, on the object type of the sheet in the editor.
func (b *Bulk) startNewOperation() {
	if b.cannotStart() != "" {
		return
	}
	f := b.flow
	f.reset()
	b.show(f.content)
	b.focus(f.object)
}

func (f *newOperation) reset() {
	f.forgetJob()
	f.note.SetText("")
	f.selectObject(f.editedKey())
	f.imp.reset()
	f.exp.reset()
	f.mode.SetSelected(modeImport())
	f.modeChanged()
}

// forgetJob takes the last submitted job off the page: a new check starts a new
// operation, which Submit must be free to send (the store still refuses a second job
// while one runs).
func (f *newOperation) forgetJob() {
	f.jobID = ""
	f.progress.Hide()
	f.jobText.SetText("")
	f.jobText.Hide()
	f.openJob.Hide()
}

// editedKey is the object type of the sheet the user is editing, else of the first
// open sheet, else "".
func (f *newOperation) editedKey() string {
	if f.b.editor == nil {
		return ""
	}
	if sh := f.b.editor.CurrentSheet(); sh != nil && sh.Object != nil {
		return sh.Object.Key
	}
	if sh := f.b.editor.Sheets(); len(sh) > 0 && sh[0].Object != nil {
		return sh[0].Object.Key
	}
	return ""
}

// selectObject picks an object type by key (the first one when key is unknown).
func (f *newOperation) selectObject(key string) {
	i := 0
	for n, o := range f.objects {
		if o.Key == key {
			i = n
		}
	}
	f.object.SetSelectedIndex(i)
}

// obj is the object type chosen.
func (f *newOperation) obj() *catalog.Object {
	i := f.object.SelectedIndex()
	if i < 0 || i >= len(f.objects) {
		return f.objects[0]
	}
	return f.objects[i]
}

func (f *newOperation) objectChanged() {
	f.imp.objectChanged()
	f.exp.objectChanged()
	f.note.SetText("")
}

func (f *newOperation) modeChanged() {
	if f.mode.Selected == modeExport() {
		f.imp.content.Hide()
		f.exp.content.Show()
	} else {
		f.exp.content.Hide()
		f.imp.followEditor()
		f.imp.content.Show()
	}
	f.say("")
}

// busy disables what would start a second piece of work while one runs.
func (f *newOperation) busy(on bool) {
	enable(!on, f.object, f.mode, f.exp.run, f.imp.check, f.imp.choose, f.imp.from)
	if on {
		f.imp.submit.Disable()
	} else {
		f.imp.updateSubmit()
	}
}

// say shows what is happening or what went wrong.
func (f *newOperation) say(text string) {
	f.note.SetText(text)
	f.relayout()
}

// relayout lays the page out again after parts were shown, hidden or changed length: a
// scroll container does not follow its content's minimum size by itself.
func (f *newOperation) relayout() { relayout(f.scroll) }
