package sheetview

import "fyne.io/fyne/v2"

// Host is what the editor needs from the window that holds it. The editor calls it on
// the UI goroutine, as the user types, clicks and edits.
type Host interface {
	// Window is the window the editor is shown in: the column filter's dialog and the
	// headers' menus open over it, and the editor moves the keyboard focus in it.
	Window() fyne.Window
	// Clipboard is where Copy, Cut and Paste exchange cells with other programs.
	Clipboard() fyne.Clipboard
	// Preferences keep the column widths the user set, per object type.
	Preferences() fyne.Preferences
	// Note shows a passing message in the status line ("Pasted 3 × 2 cells") until the
	// cursor next moves.
	Note(msg string)
	// CursorMoved tells that the cursor or the selection moved: the status line shows
	// what the new cell has to say (see Editor.ShowCursorFindings).
	CursorMoved()
	// Changed tells that o was edited: its findings and counts may have changed, and it
	// may now have unsaved changes.
	Changed(o *OpenSheet)
	// Shortcut runs the host's action bound to a shortcut typed in the grid that is none
	// of the editor's own commands (Ctrl+S, Ctrl+W, …).
	Shortcut(s fyne.Shortcut)
}
