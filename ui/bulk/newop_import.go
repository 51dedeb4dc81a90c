package bulk

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/ui/words"
)

// importPanel checks a sheet (or an audio zip) against the organization, says what will
// happen, and submits it.
type importPanel struct {
	f      *newOperation
	from   *widget.RadioGroup
	file   *widget.Label
	choose *widget.Button
	check  *widget.Button

	summary *widget.Label   // records, creates and updates
	own     *widget.Label   // errors of its own: they block the submit
	org     *widget.Label   // what will fail in the organization
	changes *fyne.Container // the changes by column, each a button to go to them
	fix     *widget.Button
	submit  *widget.Button
	content *fyne.Container

	path    string       // the file chosen
	checked *importCheck // the last check, for the sheet or file as it was then
}

func importEditor() string { return words.T("The sheet open in the editor") }
func importFile() string   { return words.T("A file (CSV, XLSX or zip)") }

func (p *importPanel) build(f *newOperation) {
	p.f = f
	p.from = widget.NewRadioGroup([]string{importEditor(), importFile()}, func(string) { p.sourceChanged() })
	p.from.Required = true
	p.file = widget.NewLabel("")
	p.choose = widget.NewButtonWithIcon(words.T("Choose a file…"), theme.FolderOpenIcon(), p.chooseFile)
	p.check = widget.NewButtonWithIcon(words.T("Check"), theme.ConfirmIcon(), p.start)
	p.summary = widget.NewLabel("")
	p.own = newWrapLabel(widget.DangerImportance)
	p.org = newWrapLabel(widget.WarningImportance)
	p.summary.Wrapping = fyne.TextWrapWord
	p.changes = container.NewVBox()
	p.fix = widget.NewButtonWithIcon(words.T("Open in the editor to fix"), theme.DocumentCreateIcon(), p.openToFix)
	p.submit = widget.NewButtonWithIcon(words.T("Submit"), theme.UploadIcon(), p.startSubmit)
	p.submit.Importance = widget.HighImportance
	from := widget.NewLabel(words.T("Import from"))
	from.TextStyle.Bold = true
	p.content = container.NewVBox(from, p.from, container.NewBorder(nil, nil, p.choose, nil, p.file),
		container.NewHBox(p.check), p.summary, p.changes, p.own, p.org, container.NewHBox(p.fix, p.submit))
}

func newWrapLabel(imp widget.Importance) *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return l
}

func (p *importPanel) reset() {
	p.path = ""
	p.file.SetText("")
	p.objectChanged()
}

// objectChanged starts from the editor's sheet of the object type when there is one.
func (p *importPanel) objectChanged() {
	if p.editorSheet() != nil {
		p.from.SetSelected(importEditor())
	} else {
		p.from.SetSelected(importFile())
	}
	p.sourceChanged()
}

// followEditor imports from the editor once it has a sheet of the type (an export just
// opened one there) when no file was chosen: Check then checks that sheet rather than
// asking for a file.
func (p *importPanel) followEditor() {
	if p.from.Selected == importFile() && p.path == "" && p.editorSheet() != nil {
		p.from.SetSelected(importEditor())
	}
}

func (p *importPanel) sourceChanged() {
	p.clearCheck()
	if p.from.Selected == importFile() {
		p.choose.Show()
		p.file.Show()
	} else {
		p.choose.Hide()
		p.file.Hide()
	}
	p.updateCheck()
}

// clearCheck forgets the last check: the sheet or the choice changed.
func (p *importPanel) clearCheck() {
	p.checked = nil
	p.summary.SetText("")
	p.own.SetText("")
	p.own.Hide()
	p.org.SetText("")
	p.org.Hide()
	p.changes.Objects = nil
	p.changes.Refresh()
	p.fix.Hide()
	p.updateSubmit()
	p.f.relayout()
}

func (p *importPanel) updateCheck() {
	ok := p.from.Selected == importEditor() && p.editorSheet() != nil ||
		p.from.Selected == importFile() && p.path != ""
	if ok {
		p.check.Enable()
	} else {
		p.check.Disable()
	}
}

// updateSubmit enables Submit once a check found nothing that blocks it, and names the
// organization on it.
func (p *importPanel) updateSubmit() {
	b := p.f.b
	p.submit.SetText(words.T("Submit to %s", b.target.OrgLabel()))
	if p.checked != nil && !p.checked.Blocked() && p.f.jobID == "" && b.cannotStart() == "" {
		p.submit.Enable()
	} else {
		p.submit.Disable()
	}
}

// editorSheet is the editor's sheet of the object type chosen, or nil.
func (p *importPanel) editorSheet() *sheets.Sheet {
	if p.f.b.editor == nil || p.f.obj().Format == catalog.FormatAudioZip {
		return nil
	}
	for _, sh := range p.f.b.editor.Sheets() {
		if sh.Object != nil && sh.Object.Key == p.f.obj().Key {
			return sh
		}
	}
	return nil
}

func (p *importPanel) chooseFile() {
	exts := []string{".csv", ".xlsx", ".zip", ".txt", ".tsv"}
	if p.f.obj().Format == catalog.FormatAudioZip {
		exts = []string{".zip", ".csv", ".xlsx"} // a zip of WAV files, or a sheet of deletes
	}
	p.f.b.files.open(exts, p.useFile)
}

// useFile takes the file to import.
func (p *importPanel) useFile(path string) {
	p.path = path
	p.file.SetText(path)
	p.clearCheck()
	p.updateCheck()
}

// start reads the sheet and previews its job in the background, against the organization.
func (p *importPanel) start() {
	f, b := p.f, p.f.b
	obj, path, api := f.obj(), p.path, b.orgAPI()
	var sh *sheets.Sheet
	if p.from.Selected == importEditor() {
		if sh = p.editorSheet(); sh == nil {
			return
		}
		sh = sh.Clone() // the editor may change it while the check runs
		path = ""
	}
	p.clearCheck()
	f.forgetJob()
	f.busy(true)
	f.say(words.T("Checking against %s…", b.target.OrgLabel()))
	ctx := b.ctx
	b.async(func() {
		source := sourceName(obj, sh, path)
		c, orgErr, err := readAndCheck(ctx, api, obj, sh, path, source)
		fyne.Do(func() {
			f.busy(false)
			f.say("")
			if err != nil {
				f.say(errorText(err))
				return
			}
			if orgErr != nil {
				f.say(words.T("The organization's names could not be read (%s): references were not checked against it.", orgErr.Error()))
			}
			p.showCheck(&c)
			b.focus(p.check)
			b.focus(p.submit) // the next step, when the check allows it
		})
	})
}

// sourceName is the file name the dashboard shows for the job.
func sourceName(obj *catalog.Object, sh *sheets.Sheet, path string) string {
	switch {
	case path != "":
		return filepath.Base(path)
	case sh != nil && sh.File != "":
		return filepath.Base(sh.File)
	}
	return obj.Key + ".csv"
}

// openToFix opens a file's sheet in the editor, where its findings show on their cells.
func (p *importPanel) openToFix() {
	if p.checked == nil || p.checked.sheet == nil || p.f.b.editor == nil {
		return
	}
	p.f.b.editor.Open(p.checked.sheet)
	p.warnEditor(p.checked)
	p.f.b.showDashboard()
}
