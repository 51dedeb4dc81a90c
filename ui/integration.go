package ui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/ui/sheetview"
	"github.com/bulkops/bulkops/ui/words"
)

// What the rest of the window (the bulk operations, the connections page) asks of the
// shell: switch the connection, bring a view to the front, ask before quitting.

// SetConnection switches the organization the window works with: the status bar names
// it, and references are checked against its names once they are read (until then, and
// with nil, against the open sheets only). nil is the embedded sandbox.
func (s *Shell) SetConnection(c Connection) {
	if c == nil {
		c = Sandbox()
	}
	s.conn = c
	s.status.showConnection(c)
	s.ed.SetKnown(nil)
	s.refreshAll()
	s.loadKnown()
}

// showConnection names the connection's organization in the status bar, the whole
// label (who is signed in, the organization's id) in its tip; a sandbox stands out, so
// that it is never taken for a real organization.
func (b *statusBar) showConnection(c Connection) {
	b.conn.Text, b.conn.tip = c.Short(), ""
	if b.conn.Text != c.Label() {
		b.conn.tip = c.Label()
	}
	b.conn.Importance = widget.MediumImportance
	b.conn.TextStyle.Bold = false
	if c.Sandbox() {
		b.conn.Importance = widget.WarningImportance
		b.conn.TextStyle.Bold = true
	}
	b.conn.Refresh()
}

// ConnectionLabel is what the status bar says about the connection.
func (s *Shell) ConnectionLabel() string { return s.status.conn.Text }

// ShowView brings the view with this title to the front; it reports whether there is one.
func (s *Shell) ShowView(title string) bool {
	for i, it := range s.tabs.Items {
		if it.Text == title {
			s.tabs.SelectIndex(i)
			return true
		}
	}
	return false
}

// ShowSheets brings the sheet editor to the front.
func (s *Shell) ShowSheets() { s.tabs.SelectIndex(0) }

// SetQuitCheck sets what is asked before the window closes: check returns a question
// (a job is running…), or "" when there is nothing to ask.
func (s *Shell) SetQuitCheck(check func() string) { s.quitCheck = check }

// confirmQuit asks the quit check's question, if any, then goes on to close.
func (s *Shell) confirmQuit(then func()) {
	q := ""
	if s.quitCheck != nil {
		q = s.quitCheck()
	}
	if q == "" {
		then()
		return
	}
	dialog.ShowConfirm(words.T("Quit Bulkops?"), q, func(ok bool) {
		if ok {
			then()
		}
	}, s.win)
}

// PlannedChange is a cell a check found a job would change, for ShowChanges.
type PlannedChange = sheetview.PlannedChange
