package ui

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/words"
)

// Options configure the shell. The zero value works: the embedded sandbox label, drafts in
// the data directory.
type Options struct {
	// Connection is the organization the app works with; nil labels it the embedded
	// sandbox, the app's default organization.
	Connection Connection
	// DataDir is where drafts are kept; "" is the Bulkops data directory.
	DataDir string
	// Views are further top-level views beside the sheets (the jobs dashboard, sign-in),
	// shown as tabs in this order.
	Views []View
	// Menus are added to the main menu before Help.
	Menus []*fyne.Menu
	// Files are opened at start, as if dropped on the window.
	Files []string
	// Screen, when set, tells the usable size of the screen the window opens on, in
	// Fyne's units (false: unknown); the window opens no larger.
	Screen func() (fyne.Size, bool)
}

// View is a top-level view of the window, shown as a tab beside the sheet editor.
type View struct {
	Title   string
	Icon    fyne.Resource
	Content fyne.CanvasObject
	// OnShow, when set, is called each time the user brings the view to the front (the
	// jobs view shows its dashboard rather than the job last looked at).
	OnShow func()
	// Focus, when set, gives the keyboard to the view's first control each time it is
	// brought to the front (after OnShow); else its first field or button in the order
	// of its layout takes it.
	Focus func()
	// Start are ways to begin that the start page offers, beside opening a file and
	// starting from a template (exporting what the organization holds).
	Start []Task
	// CheckSheet, when set, is what the Sheets page's "Check and submit…" runs (toolbar,
	// File menu, Ctrl+Shift+Enter) for the object type of the sheet shown, with the view
	// brought to the front first: the jobs view checks the editor's sheet there.
	CheckSheet func(key string)
	// SubmitBook, when set, is what the check of a workbook opened as a whole runs for
	// "Submit the workbook": the workbook's file name and its sheets as edited, unsaved
	// edits included (to be cloned before they leave the UI goroutine), with the view
	// brought to the front first: the jobs view plans and submits them as one job.
	SubmitBook func(name string, ss []*sheets.Sheet)
	// FileItems are added to the File menu, after "Check and submit…" (exporting the
	// whole organization). Running one brings the view to the front first.
	FileItems []Task
}

// Task is something to do that a page offers: a button with a line saying what it does.
// Running it brings its view to the front first.
type Task struct {
	Label, Note string
	Icon        fyne.Resource
	Run         func()
	// Key, when set, is the shortcut of a File menu item (View.FileItems): shown on the
	// item, and run from anywhere in the window, the grid included.
	Key fyne.Shortcut
}

// Connection is the organization the app talks to, as far as the window needs it: a
// label for the status bar and the names the organization already holds, which reference
// columns complete from and are checked against.
type Connection interface {
	// Label names the connection whole: "Ada <ada@acme.com> — Acme (org id)", or
	// "Sandbox (embedded)"; the status bar shows it as Short's tip.
	Label() string
	// Short is the status bar's name of the organization ("Acme"): the whole Label
	// pushes the sheet's counts off a small window.
	Short() string
	// Sandbox reports whether this is the embedded sandbox rather than a real organization.
	Sandbox() bool
	// Known returns the organization's names by object type key. It may take a while (it
	// is called off the UI goroutine); nil with no error means none are known.
	Known(ctx context.Context) (sheets.Known, error)
}

// StaticConnection is a Connection whose names are given up front.
type StaticConnection struct {
	Name string // the whole label
	// Org is the organization's name for the status bar; "" shows Name.
	Org       string
	IsSandbox bool
	Names     sheets.Known
}

// Label returns the connection's whole name.
func (c StaticConnection) Label() string { return c.Name }

// Short returns the name shown in the status bar.
func (c StaticConnection) Short() string {
	if c.Org == "" {
		return c.Name
	}
	return c.Org
}

// Sandbox reports whether the connection is the embedded sandbox.
func (c StaticConnection) Sandbox() bool { return c.IsSandbox }

// Known returns the names given.
func (c StaticConnection) Known(context.Context) (sheets.Known, error) { return c.Names, nil }

// Sandbox is the connection shown when none is configured: the embedded sandbox.
func Sandbox() Connection {
	return StaticConnection{Name: words.T("Sandbox (embedded)"), IsSandbox: true}
}
