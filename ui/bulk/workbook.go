package bulk

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui"
	"github.com/bulkops/bulkops/ui/sheetview"
	"github.com/bulkops/bulkops/ui/words"
)

// The "Submit a workbook…" page: a workbook of several object types (bulkops export
// --all writes one; another organization's export is a copy) or several files of
// different types become one job (jobs.BuildWorkbook), its steps in the order their
// references require. The page shows the plan step by step as the check found it, what
// the organization cannot take, the second pass of a cycle, and submits the whole after
// a confirmation naming the organization and the counts.

// workbookExts are the files a workbook is read from.
var workbookExts = []string{".xlsx", ".xlsm", ".csv", ".zip", ".txt", ".tsv"}

// workbookPage is the page; its widgets are kept for the tests.
type workbookPage struct {
	b     *Bulk
	files []string // the files chosen, in the order chosen
	// book is a workbook handed over as sheets (the editor's, as edited), submitted with
	// the files chosen beside it; bookName names it. Nil when it came from files only.
	book     []*sheets.Sheet
	bookName string
	list     *widget.Label
	add      *widget.Button
	again    *widget.Button // forget the files, start again
	note     *widget.Label  // what is happening, or what went wrong
	summary  *widget.Label
	steps    *widget.Accordion
	extra    *widget.Label // the second pass and what is not copyable
	submit   *widget.Button
	content  fyne.CanvasObject
	scroll   *container.Scroll

	wd         *jobs.WorkbookDraft // the last check's draft; nil until one succeeds
	gen        int                 // counts resets and checks: a check's result is shown only if none came since
	confirming *workbookConfirm    // the last confirmation shown, for the tests
}

func workbookTitle() string { return words.T("Submit a workbook") }

// workbookItem is the File menu's "Submit a workbook…", with its shortcut.
func (b *Bulk) workbookItem() ui.Task {
	return ui.Task{Label: words.T("Submit a workbook…"), Icon: theme.UploadIcon(), Run: b.SubmitWorkbook, Key: workbookKey}
}

// workbookKey is Ctrl+Shift+B ("book"): Ctrl+Shift+U is the editor's "Unmark for
// deletion", and Ctrl+Shift+O is left for opening a workbook in the editor.
var workbookKey = sheetview.CtrlShift(fyne.KeyB)

func newWorkbookPage(b *Bulk) *workbookPage {
	p := &workbookPage{b: b}
	p.list = widget.NewLabel("")
	p.list.Wrapping = fyne.TextWrapWord
	p.add = widget.NewButtonWithIcon(words.T("Add a file…"), theme.FolderOpenIcon(), p.chooseFile)
	p.again = widget.NewButtonWithIcon(words.T("Start again"), theme.ContentClearIcon(), p.reset)
	p.note = newWrapLabel(widget.MediumImportance)
	p.summary = newWrapLabel(widget.MediumImportance)
	p.steps = widget.NewAccordion()
	p.steps.MultiOpen = true
	p.extra = newWrapLabel(widget.WarningImportance)
	p.submit = widget.NewButtonWithIcon(words.T("Submit…"), theme.UploadIcon(), p.confirm)
	p.submit.Importance = widget.HighImportance
	closeBtn := widget.NewButtonWithIcon(words.T("Close"), theme.CancelIcon(), func() {
		b.showDashboard()
		b.focus(b.dash.newOp)
	})
	title := widget.NewLabel(workbookTitle())
	title.TextStyle.Bold = true
	hint := newWrapLabel(widget.LowImportance)
	hint.SetText(words.T("One workbook with a sheet per type (as Export the whole organization writes it), or several CSV or XLSX files of different types. The types go in the order their references require, whatever order the sheets have."))
	body := container.NewVBox(hint, p.list, container.NewHBox(p.add, p.again), p.note, p.summary,
		p.steps, p.extra, container.NewHBox(p.submit))
	p.scroll = container.NewVScroll(body)
	p.content = container.NewBorder(container.NewHBox(title, layout.NewSpacer(), closeBtn), nil, nil, nil, p.scroll)
	p.reset()
	return p
}

// SubmitWorkbook opens the page and asks for the workbook; while no job can start, the
// dashboard says why.
func (b *Bulk) SubmitWorkbook() {
	if b.cannotStart() != "" {
		b.showDashboard()
		return
	}
	p := b.workbook
	p.reset()
	b.show(p.content)
	b.focus(p.add)
	p.chooseFile()
}

// SubmitSheets opens the page on a workbook the editor holds (its sheets as edited,
// unsaved edits included) and plans it as Submit a workbook… plans files: the same
// steps, confirmation and job. name is the workbook's file name; ss are the caller's
// to keep (they are cloned here, on the UI goroutine, before the check reads them).
func (b *Bulk) SubmitSheets(name string, ss []*sheets.Sheet) {
	if b.cannotStart() != "" {
		b.showDashboard()
		return
	}
	p := b.workbook
	p.reset()
	for _, sh := range ss {
		p.book = append(p.book, sh.Clone())
	}
	p.bookName = name
	b.show(p.content)
	p.showSources()
	p.check()
}

// reset forgets the files, the sheets handed over and the plan.
func (p *workbookPage) reset() {
	p.files = nil
	p.book, p.bookName = nil, ""
	p.list.SetText(words.T("No file chosen yet."))
	p.clearPlan()
	p.busy(false) // a check still running is forgotten
	p.again.Disable()
}

func (p *workbookPage) clearPlan() {
	p.gen++
	p.wd = nil
	p.note.SetText("")
	p.summary.SetText("")
	p.steps.Items = nil
	p.steps.Refresh()
	p.extra.SetText("")
	p.extra.Hide()
	p.updateSubmit()
	p.relayout()
}

func (p *workbookPage) chooseFile() { p.b.files.open(workbookExts, p.addFile) }

// addFile adds a file to the workbook (a file chosen twice counts once) and checks the
// whole again.
func (p *workbookPage) addFile(path string) {
	if !slices.Contains(p.files, path) {
		p.files = append(p.files, path)
	}
	p.showSources()
	p.check()
}

// showSources names what the workbook is read from: the editor's workbook, the files.
func (p *workbookPage) showSources() {
	var text string
	if p.book != nil {
		text = words.T("%s, as open in the editor (unsaved edits included)", p.bookName)
	}
	if len(p.files) > 0 {
		if text != "" {
			text += "; "
		}
		text += words.T("Files: %s", fileNames(p.files))
	}
	p.list.SetText(text)
	p.again.Enable()
}

func fileNames(paths []string) string {
	var out string
	for i, f := range paths {
		if i > 0 {
			out += ", "
		}
		out += filepath.Base(f)
	}
	return out
}

// workbookSource is what the page reads a workbook from: sheets handed over (the
// editor's workbook) and files.
type workbookSource struct {
	book     []*sheets.Sheet
	bookName string
	files    []string
}

// name is the job's file name: the workbook's or the first file's, and how many more
// files there are.
func (src workbookSource) name() string {
	name, more := src.bookName, len(src.files)
	if src.book == nil {
		name, more = filepath.Base(src.files[0]), more-1
	}
	if more > 0 {
		name = fmt.Sprintf("%s (+%d)", name, more)
	}
	return name
}

// check reads the files, builds the workbook's steps and plans them against the
// organization, off the UI goroutine.
func (p *workbookPage) check() {
	b := p.b
	src := workbookSource{book: p.book, bookName: p.bookName, files: slices.Clone(p.files)}
	api, ctx := b.orgAPI(), b.ctx
	p.clearPlan()
	p.busy(true)
	p.say(words.T("Checking against %s…", b.target.OrgLabel()))
	gen := p.gen
	b.async(func() {
		wd, err := readWorkbook(ctx, api, src)
		fyne.Do(func() {
			if gen != p.gen {
				return // the files or the organization changed while it ran
			}
			p.busy(false)
			p.say("")
			if err != nil {
				p.say(errorText(err))
				return
			}
			p.showPlan(wd)
			b.focus(p.submit)
		})
	})
}

// readWorkbook reads every sheet of src, builds the workbook draft and, when its
// sheets have no errors of their own, checks it against the organization api reaches.
func readWorkbook(ctx context.Context, api jobs.API, src workbookSource) (*jobs.WorkbookDraft, error) {
	set := slices.Clone(src.book)
	for _, f := range src.files {
		ss, err := sheets.ReadWorkbook(f, sheets.ReadOptions{Unprotect: true})
		if err != nil {
			return nil, err
		}
		set = append(set, ss...)
	}
	wd, err := jobs.BuildWorkbook(jobs.WorkbookSource{Sheets: set, Name: src.name()})
	if err != nil || wd.Err() != nil || api == nil {
		return wd, err
	}
	return wd, wd.Check(ctx, api)
}

func (p *workbookPage) busy(on bool) {
	enable(!on, p.add, p.again)
	p.updateSubmit()
}

// updateSubmit enables Submit once a check found nothing that blocks the workbook and
// no other job is active (the one-active-job rule), and names the organization on it.
func (p *workbookPage) updateSubmit() {
	b := p.b
	p.submit.SetText(words.T("Submit to %s…", b.target.OrgLabel()))
	enable(p.wd != nil && p.wd.Err() == nil && b.cannotStart() == "" && b.engine != nil, p.submit)
}

func (p *workbookPage) say(text string) {
	p.note.SetText(text)
	p.relayout()
}

func (p *workbookPage) relayout() { relayout(p.scroll) }
