package ui

import (
	"fyne.io/fyne/v2"
	"github.com/bulkops/bulkops/ui/words"
)

// The side panels (the object types on the left, the findings on the right) can be
// hidden from the View menu, so a small screen gives the sheet the whole width; the
// choice is kept for the next start.

const (
	prefHideTypes    = "panels.hideTypes"
	prefHideFindings = "panels.hideFindings"
)

// panelItems are the View menu's items that show or hide the side panels.
func (s *Shell) panelItems() []*fyne.MenuItem {
	types := fyne.NewMenuItem(words.T("Object types panel"), nil)
	findings := fyne.NewMenuItem(words.T("Findings panel"), nil)
	types.Action = func() { s.togglePanel(types, s.nav.content, prefHideTypes) }
	findings.Action = func() { s.togglePanel(findings, s.ed.FindingsPanel(), prefHideFindings) }
	types.Checked = s.nav.content.Visible()
	findings.Checked = s.ed.FindingsPanel().Visible()
	return []*fyne.MenuItem{types, findings}
}

// applyPanels hides the panels the user hid last time.
func (s *Shell) applyPanels() {
	p := s.app.Preferences()
	if p.Bool(prefHideTypes) {
		s.nav.content.Hide()
	}
	if p.Bool(prefHideFindings) {
		s.ed.FindingsPanel().Hide()
	}
}

// togglePanel shows or hides a side panel, ticks its menu item and remembers the choice.
func (s *Shell) togglePanel(it *fyne.MenuItem, panel fyne.CanvasObject, pref string) {
	if panel.Visible() {
		panel.Hide()
	} else {
		panel.Show()
	}
	it.Checked = panel.Visible()
	s.app.Preferences().SetBool(pref, !panel.Visible())
	s.mainSplit.Refresh()
	s.workSplit.Refresh()
	if m := s.win.MainMenu(); m != nil {
		m.Refresh()
	}
}
