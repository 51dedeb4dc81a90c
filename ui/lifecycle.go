package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/ui/sheetview"
	"github.com/bulkops/bulkops/ui/words"
)

// quit closes the window, after asking the quit check's question (a job is running).
// Unsaved edits are kept as drafts first, and offered back at the next start.
func (s *Shell) quit() { s.confirmQuit(s.quitSheets) }

// SaveDrafts keeps the unsaved edits as drafts now, for an end the window did not ask
// about (SIGTERM). With typed, the cell being typed in is committed first, which moves
// the focus: only on the UI goroutine while the window is alive. Without, no widget is
// touched, so it may be called once the main loop has ended.
func (s *Shell) SaveDrafts(typed bool) {
	if typed {
		s.ed.Commit()
	}
	s.drafts.flush()
}

func (s *Shell) quitSheets() {
	s.rememberSize()
	s.ed.Commit()
	modified := 0
	for _, o := range s.ed.List() {
		if o.Doc.Modified() {
			modified++
		}
	}
	s.drafts.flush()
	if modified == 0 {
		s.win.Close()
		return
	}
	dialog.ShowConfirm(words.T("Quit with unsaved changes?"),
		words.T("Sheets with unsaved changes: %d. They are kept as drafts and offered back when Bulkops starts again.", modified),
		func(ok bool) {
			if ok {
				s.win.Close()
			}
		}, s.win)
}

// languageMenu picks the language: the system's, or one of those bundled.
func (s *Shell) languageMenu() *fyne.MenuItem {
	pref := s.app.Preferences().String(prefLanguage)
	pick := func(code string) func() {
		return func() {
			s.app.Preferences().SetString(prefLanguage, code)
			s.setMainMenu() // the tick moves to the language chosen
			dialog.ShowInformation(words.T("Language"),
				words.T("Bulkops will use the language you chose when it starts again: the window sets its words as it opens, and changing them now would mean building it again."), s.win)
		}
	}
	system := fyne.NewMenuItem(words.T("As the system"), pick(""))
	system.Checked = pref == ""
	items := []*fyne.MenuItem{system}
	for _, l := range languages {
		it := fyne.NewMenuItem(l.Name, pick(l.Code))
		it.Checked = pref == l.Code
		items = append(items, it)
	}
	m := fyne.NewMenuItem(words.T("Language"), nil)
	m.ChildMenu = fyne.NewMenu("", items...)
	return m
}

// showShortcuts lists the keyboard shortcuts.
func (s *Shell) showShortcuts() {
	rows := [][2]string{
		{words.T("Type"), words.T("Start editing the cell with what you type")},
		{"Enter, F2", words.T("Edit the cell; Enter again saves it and moves down")},
		{"Tab, Shift+Tab", words.T("Save and move right or left")},
		{"Esc", words.T("Cancel the edit")},
		{"Alt+↓", words.T("Open the list of allowed values")},
		{words.T("Arrows, Home, End, Page Up, Page Down"), words.T("Move")},
		{"Ctrl+Home, Ctrl+End", words.T("To the first or last cell")},
		{words.T("Shift+arrows, Shift+click"), words.T("Select a range")},
		{"Delete", words.T("Clear the selected cells")},
		{"Ctrl+1, Ctrl+2, Ctrl+3", words.T("Sheets, Bulk operations, Connections")},
		{"Ctrl+Tab, Ctrl+Shift+Tab", words.T("Next or previous page")},
		{words.T("F10, Alt+letter"), words.T("Open the menus (Alt+F: File)")},
		{"Esc, Enter", words.T("Cancel or confirm a dialog")},
	}
	for _, id := range []actionID{actUndo, actRedo, actCut, actCopy, actPaste, actSelectAll, actFillDown, actFillRight,
		actInsertRows, actAddChild, actDeleteRows, actMarkDelete, actUnmarkDelete, actSortAsc, actSortDesc, actFilter, actFind, actReplace,
		actNextFinding, actPrevFinding, actNew, actOpen, actSave, actSaveAs, actClose} {
		a := s.acts[id]
		keys := shortcutText(a.Key)
		if c, ok := editorCommands[id]; ok && sheetview.AltKey(c) != nil {
			keys += ", " + shortcutText(sheetview.AltKey(c)) // one a Czech keyboard types without AltGr
		}
		rows = append(rows, [2]string{keys, a.Label})
	}
	form := container.NewGridWithColumns(2)
	for _, r := range rows {
		k := widget.NewLabel(r[0])
		k.TextStyle.Bold = true
		form.Add(k)
		form.Add(widget.NewLabel(r[1]))
	}
	d := dialog.NewCustom(words.T("Keyboard shortcuts"), words.T("Close"), container.NewVScroll(form), s.win)
	d.Resize(fyne.NewSize(640, 560))
	d.Show()
}

// shortcutText spells a shortcut as the menus do ("Ctrl+D").
func shortcutText(sc fyne.Shortcut) string {
	switch sc.(type) {
	case *fyne.ShortcutUndo:
		return "Ctrl+Z"
	case *fyne.ShortcutRedo:
		return "Ctrl+Y"
	case *fyne.ShortcutCut:
		return "Ctrl+X"
	case *fyne.ShortcutCopy:
		return "Ctrl+C"
	case *fyne.ShortcutPaste:
		return "Ctrl+V"
	case *fyne.ShortcutSelectAll:
		return "Ctrl+A"
	}
	if cs, ok := sc.(interface {
		Key() fyne.KeyName
		Mod() fyne.KeyModifier
	}); ok {
		return modText(cs.Mod()) + string(cs.Key())
	}
	return ""
}

func modText(m fyne.KeyModifier) string {
	s := ""
	if m&fyne.KeyModifierControl != 0 {
		s += "Ctrl+"
	}
	if m&fyne.KeyModifierSuper != 0 {
		s += "Cmd+"
	}
	if m&fyne.KeyModifierAlt != 0 {
		s += "Alt+"
	}
	if m&fyne.KeyModifierShift != 0 {
		s += "Shift+"
	}
	return s
}
