package bulk

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui"
	"github.com/bulkops/bulkops/ui/conn"
	"github.com/bulkops/bulkops/ui/words"
)

// Editor is the sheet editor as the bulk views use it: where an import's sheet comes from,
// and where an export or a job's failed rows go. *ui.Shell is one.
type Editor interface {
	// Sheets returns the sheets open in the editor; read them on the UI goroutine.
	Sheets() []*sheets.Sheet
	// CurrentSheet returns the sheet the user is editing (shown in the editor), or nil.
	CurrentSheet() *sheets.Sheet
	// Open shows a sheet in the editor.
	Open(sh *sheets.Sheet)
	// OpenWithMessages shows a sheet with findings on its cells (a job's failed rows)
	// that stay until the cell is edited.
	OpenWithMessages(sh *sheets.Sheet, msgs []sheets.Finding)
	// ShowChanges marks the cells of the open sheet of type key that a check found the
	// job changes, and shows them with the cursor on the change at.
	ShowChanges(key string, cs []ui.PlannedChange, at ui.PlannedChange)
	// ShowCheckWarnings lists a check's warnings beyond the sheet's own in the open
	// sheet of type key, as its own warnings are listed.
	ShowCheckWarnings(key string, fs []sheets.Finding)
	// KeepValues writes each cell's Was back where it still holds Now, as one undoable
	// change, and returns how many cells changed.
	KeepValues(key string, cells []ui.PlannedChange) int
	// ForgetMessages drops the messages of past jobs (and of Control Hub's error file) on
	// the open sheet of an object type, once a job of that sheet has ended.
	ForgetMessages(objectKey string)
}

// Options configure the bulk views.
type Options struct {
	// Store is the job store, shared with the command line. Required.
	Store *jobs.Store
	// Editor is the sheet editor; nil: imports come from files only.
	Editor Editor
	// Window is the window dialogs belong to. Required.
	Window fyne.Window
	// Poll is how often the dashboard reads the store again, for jobs another process
	// (the command line) submits or runs: 0 means every 2 s, a negative value never.
	Poll time.Duration
}

// Bulk is the "Bulk operations" view: the dashboard, a job's detail and the new bulk
// operation flow, one shown at a time, and the jobs this window runs. Its methods are
// called on the UI goroutine.
type Bulk struct {
	app    fyne.App
	win    fyne.Window
	store  *jobs.Store
	editor Editor

	target *conn.Connection // never nil: the zero connection while there is none
	engine *jobs.Engine     // nil while not connected
	org    *jobs.OrgCache   // what was read of the organization; nil while not connected

	list    []jobs.Job             // the dashboard's rows, newest first
	status  map[string]jobs.Status // last status seen per job, to tell when one ends
	active  *jobs.Job              // the organization's job that is New or In Progress
	running map[string]bool        // jobs this window is running
	pending bool                   // show the newest job's detail once the list is read

	dash     *dashboard
	detail   *detail
	flow     *newOperation
	workbook *workbookPage
	pages    *fyne.Container
	content  fyne.CanvasObject

	front bool // the window is in front: no notification needed

	ctx    context.Context // cancelled by Close: running jobs stop and resume next time
	cancel context.CancelFunc
	runs   sync.WaitGroup // the engine calls in flight, waited for by Close

	// async runs slow work off the UI goroutine; the tests run it inline.
	async func(func())
	// files asks the user for a file to save or open; the tests answer themselves.
	files fileAsker
	// watch, when set, is called after each progress event is shown (tests look then).
	watch func(jobs.Progress)
}

// New builds the bulk views on a (real or test) Fyne app. Give it a connection with
// SetConnection; Close it when the window closes.
func New(a fyne.App, opts Options) *Bulk {
	return build(a, opts, func(f func()) { go f() }, nil)
}

func build(a fyne.App, opts Options, async func(func()), files fileAsker) *Bulk {
	b := &Bulk{app: a, win: opts.Window, store: opts.Store, editor: opts.Editor,
		target: &conn.Connection{}, status: map[string]jobs.Status{}, running: map[string]bool{}, front: true, async: async}
	if files == nil {
		files = dialogFiles{win: opts.Window}
	}
	b.files = files
	b.ctx, b.cancel = context.WithCancel(context.Background())
	b.workbook = newWorkbookPage(b)
	b.dash = newDashboard(b)
	b.detail = newDetail(b)
	b.flow = newNewOperation(b)
	b.pages = container.NewStack(b.dash.content)
	b.content = b.pages
	b.watchForeground()
	b.poll(opts.Poll)
	return b
}

// View is the tab the shell shows.
func (b *Bulk) View() ui.View {
	return ui.View{Title: words.T("Bulk operations"), Icon: theme.ListIcon(), Content: b.content,
		OnShow: b.tabShown, CheckSheet: b.CheckSheet, SubmitBook: b.SubmitSheets, Focus: b.focusPage, FileItems: []ui.Task{b.exportAllItem(), b.workbookItem()},
		Start: []ui.Task{{Label: words.T("Export from the organization"), Icon: theme.DownloadIcon(),
			Note: words.T("The records the organization holds today, to edit and submit again."),
			Run:  b.StartExport}}}
}

// tabShown shows the dashboard when the user comes back to the view from a job's
// detail: the tab leads to the list of jobs, not to the job last looked at. (A new
// operation being filled in stays.)
func (b *Bulk) tabShown() {
	if b.detail.id != "" {
		b.showDashboard()
	}
}

// StartExport opens the new operation page on exporting the organization's records (of
// the sheet's object type in the editor); while that cannot start, the dashboard says why.
func (b *Bulk) StartExport() {
	if b.cannotStart() != "" {
		b.showDashboard()
		return
	}
	b.startNewOperation()
	b.flow.mode.SetSelected(modeExport())
	b.flow.exp.from.SetSelected(exportRecords())
}

// Content is the view's content.
func (b *Bulk) Content() fyne.CanvasObject { return b.content }

// SetConnection switches to another organization (or to none, with nil): the dashboard
// lists its jobs, and any job it has left New or In Progress by a process that is gone
// is run again.
func (b *Bulk) SetConnection(c *conn.Connection) {
	if c == nil {
		c = &conn.Connection{}
	}
	b.orgChanged()
	b.target = c
	b.engine, b.org = nil, nil
	if c.Connected() {
		b.engine = c.Engine(b.store)
		if b.org = c.Org; b.org == nil {
			b.org = jobs.NewOrgCache(c.API, jobs.OrgTTL) // a connection without one keeps its own
		}
	}
	b.list, b.active = nil, nil
	b.workbook.reset() // its plan was made against the other organization
	if b.detail.id != "" || b.pages.Objects[0] == b.flow.content || b.pages.Objects[0] == b.workbook.content {
		b.showDashboard() // the job or the flow was the other organization's
	}
	b.Refresh()
	b.Resume()
}

// RunningJob returns the job this window is running, if any: quitting stops it (it
// resumes at the next start), so the window asks first.
func (b *Bulk) RunningJob() (jobs.Job, bool) {
	for _, j := range b.list {
		if b.running[j.ID] {
			return j, true
		}
	}
	for id := range b.running {
		return jobs.Job{ID: id, Status: jobs.InProgress}, true
	}
	return jobs.Job{}, false
}

// Close stops the jobs this window runs where they are (they stay In Progress and resume
// at the next start) and stops reading the store. It waits a few seconds for the batches
// in flight to be recorded, so that the store can be closed after it.
func (b *Bulk) Close() {
	b.cancel()
	b.orgChanged()
	done := make(chan struct{})
	go func() {
		b.runs.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(closeWait):
	}
}

// closeWait bounds how long Close waits for the jobs to stop.
const closeWait = 5 * time.Second

// ShowJob opens the detail of job id, or of the newest job when id is "" (as soon as
// the jobs are read).
func (b *Bulk) ShowJob(id string) {
	if id != "" {
		b.showJob(id)
		return
	}
	if len(b.list) > 0 {
		b.showJob(b.list[0].ID)
		return
	}
	b.pending = true
}

// ShowDashboard shows the list of jobs.
func (b *Bulk) ShowDashboard() { b.showDashboard() }

// show puts a page in front.
func (b *Bulk) show(page fyne.CanvasObject) {
	b.pages.Objects = []fyne.CanvasObject{page}
	b.pages.Refresh()
}

// focus gives the keyboard to w on the page shown, so a keyboard user goes on from the
// step just taken (a button that was pressed may be gone or disabled, taking the keyboard
// with it).
func (b *Bulk) focus(w fyne.Focusable) {
	if b.win == nil || w == nil {
		return
	}
	if d, ok := w.(fyne.Disableable); ok && d.Disabled() {
		return
	}
	if o, ok := w.(fyne.CanvasObject); ok && !o.Visible() {
		return
	}
	b.win.Canvas().Focus(w)
}

// focusPage gives the keyboard to the main control of the page shown: New bulk
// operation on the dashboard (not the first job's row), the Object of a new operation.
func (b *Bulk) focusPage() {
	switch b.pages.Objects[0] {
	case b.dash.content:
		b.focus(b.dash.newOp)
	case b.flow.content:
		b.focus(b.flow.object)
	case b.workbook.content:
		b.focus(b.workbook.add)
	case b.detail.content:
		b.focus(b.detail.fix)
	}
}

func (b *Bulk) showDashboard() {
	b.detail.id = ""
	b.show(b.dash.content)
}
