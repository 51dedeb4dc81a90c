package ui

import (
	"context"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/assets"
	"github.com/bulkops/bulkops/internal/datadir"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/ui/sheetview"
	"github.com/bulkops/bulkops/ui/words"
)

// Shell is the main window: navigation by object type on the left, the sheet editor in
// the middle, its findings on the right, a toolbar above and a status bar below. Further
// views (the jobs dashboard) are tabs beside the sheets.
type Shell struct {
	app  fyne.App
	win  fyne.Window
	opts Options
	conn Connection

	ed        *sheetview.Editor
	nav       *navigator
	status    *statusBar
	drafts    *drafter
	acts      map[actionID]*action
	toolbar   *widget.Toolbar
	tabs      *pageTabs
	quitCheck func() string   // asked before closing (see SetQuitCheck)
	center    *fyne.Container // the editor, or what to do when no sheet is open
	empty     *emptyState
	start     *startPage
	views     []View         // the views beside the sheets, in tab order
	tips      *tips          // the tooltips of the toolbar and the status bar
	selected  string         // object type key chosen in the navigation
	book      *workbook      // the workbook opened as a whole, or nil
	menuKeys  map[string]int // Alt+letter: the menu it opens (see menuShortcuts)
	// mainSplit holds the object types and the work; workSplit the sheet and its findings.
	mainSplit, workSplit *container.Split
	// menuOpener, when set, opens a menu instead of the driver (tests).
	menuOpener func(i int)

	// async runs slow work (reading files, fetching names) off the UI goroutine; tests
	// run it inline.
	async func(func())
}

// New builds the window on a (real or test) Fyne app. Show it with Window().ShowAndRun().
func New(a fyne.App, opts Options) *Shell {
	return build(a, opts, func(f func()) { go f() }, 2*time.Second)
}

// build makes the shell; async runs slow work, draftDelay is how long after an edit a
// draft is written (0: only on quit).
func build(a fyne.App, opts Options, async func(func()), draftDelay time.Duration) *Shell {
	useLanguage(a.Preferences().String(prefLanguage))
	s := &Shell{app: a, opts: opts, conn: opts.Connection, async: async}
	if s.conn == nil {
		s.conn = Sandbox()
	}
	a.SetIcon(assets.Icon)
	s.win = a.NewWindow(words.T("Bulkops"))
	s.win.SetIcon(assets.Icon)
	s.win.Resize(s.initialSize())
	s.tips = newTips(func() fyne.Window { return s.win }, tipDelay)

	widthDelay := time.Duration(0) // how long after a column is resized its width is saved
	if draftDelay > 0 {
		widthDelay = 500 * time.Millisecond
	}
	s.ed = sheetview.New(editorHost{s}, widthDelay)
	s.nav = newNavigator(s)
	s.status = newStatusBar(s)
	s.empty = newEmptyState(s)
	s.start = newStartPage(s)
	s.drafts = newDrafter(s, draftDir(opts.DataDir))
	s.drafts.delay = draftDelay
	s.acts = s.newActions()
	s.toolbar = s.newToolbar()
	s.win.SetContent(s.layout())
	s.setMainMenu()
	s.win.Canvas().SetOnTypedKey(s.canvasKey)
	if dc, ok := s.win.Canvas().(desktop.Canvas); ok {
		dc.SetOnKeyDown(s.keyDown)
	}
	s.win.SetOnDropped(s.dropped)
	s.win.SetCloseIntercept(s.quit)
	a.Settings().AddListener(func(fyne.Settings) { s.themeChanged() })

	s.showStart()
	s.loadKnown()
	s.drafts.offer(func() {
		if len(opts.Files) > 0 {
			s.openPaths(opts.Files)
		}
	})
	return s
}

// Window returns the main window.
func (s *Shell) Window() fyne.Window { return s.win }

// Sheets returns the sheets open in the editor, in the catalog's order, for a caller that
// submits them. They are the editor's own: read them on the UI goroutine, or Clone them.
func (s *Shell) Sheets() []*sheets.Sheet { return s.ed.Sheets() }

// ForgetMessages drops the messages of Control Hub and of past jobs on the open sheet of
// an object type: it was submitted again, and that job's answer replaces them.
func (s *Shell) ForgetMessages(key string) {
	if s.ed.ForgetNotes(key) {
		s.refreshAll()
	}
}

// OpenFiles opens files as if they were dropped on the window (those a later start of
// Bulkops handed over).
func (s *Shell) OpenFiles(paths []string) { s.openPaths(paths) }

// CurrentSheet returns the sheet shown in the editor (the one the user works on), or nil.
func (s *Shell) CurrentSheet() *sheets.Sheet {
	if o := s.ed.Current(); o != nil {
		return o.Sheet()
	}
	return nil
}

// Open opens a sheet in the editor (the rows of a failed job, to fix them), replacing the
// open sheet of its object type, and shows it.
// When that sheet has unsaved changes, the user is asked first.
func (s *Shell) Open(sh *sheets.Sheet) { s.OpenWithMessages(sh, nil) }

// OpenWithMessages opens a sheet like Open, with findings from outside the checker on
// its cells (a failed job's rows, jobs.Store.ErrorSheet): each shows like the checker's,
// in the window's language, until its cell is changed.
func (s *Shell) OpenWithMessages(sh *sheets.Sheet, msgs []sheets.Finding) {
	if sh == nil || sh.Object == nil {
		return
	}
	s.ShowSheets()
	s.replaceAsking(sh, "", msgs, true)
}

// ShowChanges marks, in the open sheet of type key, the cells a check found a job
// would change (see sheetview.Editor.ShowChanges), and shows the sheet with the cursor
// on the change at.
func (s *Shell) ShowChanges(key string, cs []PlannedChange, at PlannedChange) {
	s.ed.ShowChanges(key, cs)
	s.ShowSheets()
	s.selectObject(key)
	s.ed.GoTo(at.Row, at.Col)
}

// KeepValues writes the organization's values back into cells of the open sheet of
// type key where a spreadsheet program rewrote them (see sheetview.Editor.KeepValues).
func (s *Shell) KeepValues(key string, cells []PlannedChange) int { return s.ed.KeepValues(key, cells) }

// AddView adds a top-level view as a tab beside the sheets.
func (s *Shell) AddView(v View) {
	s.views = append(s.views, v)
	s.tabs.Append(container.NewTabItemWithIcon(v.Title, v.Icon, v.Content))
	if s.win.MainMenu() != nil {
		s.setMainMenu() // the View menu lists the pages
	}
	for _, t := range v.Start {
		s.start.addTask(v, t)
	}
}

// tabShown gives a page brought to the front the keyboard, and tells its view.
func (s *Shell) tabShown(it *container.TabItem) {
	for _, v := range s.views {
		if v.Title == it.Text && v.OnShow != nil {
			v.OnShow() // first: it may change what the page shows
		}
	}
	s.focusPage(it)
}

// AddToolbarItems adds items to the end of the toolbar.
func (s *Shell) AddToolbarItems(items ...widget.ToolbarItem) {
	s.toolbar.Items = append(s.toolbar.Items, items...)
	s.toolbar.Refresh()
}

func (s *Shell) layout() fyne.CanvasObject {
	s.center = container.NewStack(s.start.content)
	work := container.NewHSplit(s.center, s.ed.FindingsPanel())
	work.SetOffset(0.76)
	main := container.NewHSplit(s.nav.content, work)
	main.SetOffset(0.2)
	s.mainSplit, s.workSplit = main, work
	s.applyPanels()
	sheetsTab := container.NewTabItemWithIcon(words.T("Sheets"), theme.GridIcon(),
		container.NewBorder(s.toolbar, nil, nil, nil, main))
	s.tabs = newPageTabs(sheetsTab)
	s.tabs.OnSelected = s.tabShown
	for _, v := range s.opts.Views {
		s.AddView(v)
	}
	return container.NewBorder(nil, s.status.content, nil, nil, s.tabs.content)
}

// selectObject shows the sheet of an object type, or what to do when none is open.
func (s *Shell) selectObject(key string) {
	if _, ok := catalog.Lookup(key); !ok {
		return
	}
	s.selected = key
	open := s.ed.Show(key)
	if !open {
		s.empty.show(key)
		s.center.Objects = []fyne.CanvasObject{s.empty.content}
	} else {
		s.center.Objects = []fyne.CanvasObject{s.ed.Content()}
	}
	s.center.Refresh()
	s.status.refresh()
	s.updateTitle()
	if open {
		s.ed.FocusGrid()
	}
}

// adopt puts a sheet in the workspace and shows it.
func (s *Shell) adopt(sh *sheets.Sheet, path string) *sheetview.OpenSheet {
	return s.adoptWith(sh, path, nil)
}

func (s *Shell) adoptWith(sh *sheets.Sheet, path string, msgs []sheets.Finding) *sheetview.OpenSheet {
	s.leaveBook(sh.Object.Key)
	o := s.ed.Open(sh, path, msgs)
	s.refreshAll()
	s.selectObject(sh.Object.Key)
	s.nav.tree.Select(leafID(sh.Object.Key))
	return o
}

// afterChange updates everything that summarises the open sheets after an edit of o.
func (s *Shell) afterChange(o *sheetview.OpenSheet) {
	s.nav.refreshCount(o.Key())
	s.status.refresh()
	s.updateTitle()
	s.drafts.touch()
}

// refreshAll repaints everything after the set of sheets or the known names changed:
// findings may have moved in every sheet.
func (s *Shell) refreshAll() {
	s.ed.Repaint()
	s.nav.refreshCounts()
	s.status.refresh()
	s.updateTitle()
}

func (s *Shell) themeChanged() {
	s.ed.ThemeChanged()
	s.refreshAll()
}

func (s *Shell) updateTitle() {
	title := words.T("Bulkops")
	if o := s.ed.Current(); o != nil {
		title += " – " + objectTitle(o.Sheet().Object)
		if p := s.pathOf(o.Key(), o.Path); p != "" {
			title += " – " + filepath.Base(p)
		}
		if o.Doc.Modified() {
			title += " *"
		}
	}
	s.win.SetTitle(title)
}

// loadKnown asks the connection for the organization's names, off the UI goroutine
// unless they are at hand already.
func (s *Shell) loadKnown() {
	if c, ok := s.conn.(StaticConnection); ok {
		if c.Names != nil {
			s.ed.SetKnown(c.Names)
			s.refreshAll()
		}
		return
	}
	conn := s.conn
	s.async(func() {
		k, err := conn.Known(context.Background())
		if err != nil || k == nil {
			if err != nil {
				fyne.LogError("names from "+conn.Label(), err)
			}
			return
		}
		fyne.Do(func() {
			s.ed.SetKnown(k)
			s.refreshAll()
		})
	})
}

// objectTitle is an object type's name as the window shows it.
func objectTitle(o *catalog.Object) string {
	if o == nil {
		return words.T("Unknown object type")
	}
	return words.Text(o.Title)
}

func draftDir(dataDir string) string {
	if dataDir == "" {
		d, err := datadir.Path()
		if err != nil {
			fyne.LogError("drafts", err)
			return ""
		}
		dataDir = d
	}
	return filepath.Join(dataDir, "drafts")
}
