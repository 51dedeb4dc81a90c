package ui

import (
	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/ui/sheetview"
)

// editorHost is the shell as the sheet editor's host: the editor's notes go to the
// status bar, its edits to the navigation's counts, the title and the drafts, and the
// shortcuts it does not handle to the shell's actions.
type editorHost struct{ s *Shell }

func (h editorHost) Window() fyne.Window            { return h.s.win }
func (h editorHost) Clipboard() fyne.Clipboard      { return h.s.app.Clipboard() }
func (h editorHost) Preferences() fyne.Preferences  { return h.s.app.Preferences() }
func (h editorHost) Note(msg string)                { h.s.status.note(msg) }
func (h editorHost) CursorMoved()                   { h.s.status.refresh() }
func (h editorHost) Changed(o *sheetview.OpenSheet) { h.s.afterChange(o) }
func (h editorHost) Shortcut(sc fyne.Shortcut)      { h.s.runShortcut(sc) }

// HoverIn and HoverOut show the editor's tooltips (sheetview.Tipper) as the toolbar's.
func (h editorHost) HoverIn(o fyne.CanvasObject, text string) { h.s.tips.hoverIn(o, text) }
func (h editorHost) HoverOut(o fyne.CanvasObject)             { h.s.tips.hoverOut(o) }
