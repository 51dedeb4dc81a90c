package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/ui/sheetview"
	"github.com/bulkops/bulkops/ui/words"
)

// actionID names everything the user can do from the menus, the toolbar and the keyboard;
// all three run the same action.
type actionID int

const (
	actNew actionID = iota
	actOpen
	actSave
	actSaveAs
	actClose
	actUndo
	actRedo
	actCut
	actCopy
	actPaste
	actClear
	actSelectAll
	actFillDown
	actFillRight
	actInsertRows
	actAddChild
	actDeleteRows
	actMarkDelete
	actUnmarkDelete
	actSortAsc
	actSortDesc
	actFilter
	actFind
	actReplace
	actNextFinding
	actPrevFinding
	actShortcuts
	actStart
	actCheck
	actQuit
)

// action is what an actionID does; the sheet editor's own come from its commands.
type action = sheetview.Action

// ctrl and ctrlShift make the shortcuts of the shell's actions (Ctrl+N, Ctrl+Shift+S).
var ctrl, ctrlShift = sheetview.Ctrl, sheetview.CtrlShift

// editorCommands are the actions the sheet editor carries out.
var editorCommands = map[actionID]sheetview.Command{
	actUndo: sheetview.Undo, actRedo: sheetview.Redo, actCut: sheetview.Cut, actCopy: sheetview.Copy,
	actPaste: sheetview.Paste, actClear: sheetview.Clear, actSelectAll: sheetview.SelectAll,
	actFillDown: sheetview.FillDown, actFillRight: sheetview.FillRight, actInsertRows: sheetview.InsertRows, actAddChild: sheetview.AddChild,
	actDeleteRows: sheetview.DeleteRows, actMarkDelete: sheetview.MarkForDeletion, actUnmarkDelete: sheetview.UnmarkDeletion, actSortAsc: sheetview.SortAscending, actSortDesc: sheetview.SortDescending,
	actFilter: sheetview.FilterFindings, actFind: sheetview.Find, actReplace: sheetview.Replace,
	actNextFinding: sheetview.NextFinding, actPrevFinding: sheetview.PreviousFinding,
}

func (s *Shell) newActions() map[actionID]*action {
	acts := map[actionID]*action{
		actNew:       {Label: words.T("New sheet"), Icon: theme.DocumentCreateIcon(), Key: ctrl(fyne.KeyN), Run: s.newSheet},
		actOpen:      {Label: words.T("Open…"), Icon: theme.FolderOpenIcon(), Key: ctrl(fyne.KeyO), Run: s.openDialog},
		actSave:      {Label: words.T("Save"), Icon: theme.DocumentSaveIcon(), Key: ctrl(fyne.KeyS), Run: s.save},
		actSaveAs:    {Label: words.T("Save as…"), Key: ctrlShift(fyne.KeyS), Run: s.saveAs},
		actClose:     {Label: words.T("Close sheet"), Key: ctrl(fyne.KeyW), Run: s.closeSheet},
		actShortcuts: {Label: words.T("Keyboard shortcuts"), Icon: theme.HelpIcon(), Run: s.showShortcuts},
		actQuit:      {Label: words.T("Quit"), Key: ctrl(fyne.KeyQ), Run: s.quit},
		actStart:     {Label: words.T("Start page"), Icon: theme.HomeIcon(), Run: func() { s.ShowSheets(); s.showStart() }},
		actCheck:     {Label: words.T("Check and submit…"), Icon: theme.ConfirmIcon(), Key: ctrlShift(fyne.KeyReturn), Run: s.checkSheet},
	}
	for id, c := range editorCommands {
		acts[id] = s.ed.Action(c)
	}
	return acts
}

// checkSheet hands the sheet shown to the view that checks and submits sheets (the jobs
// view), bringing it to the front; a sheet of a workbook opened as a whole is checked
// with the workbook's other sheets first (checkBook).
func (s *Shell) checkSheet() {
	if s.book.has(s.selected) {
		s.checkBook()
		return
	}
	s.checkOne(s.selected)
}

// checkOne hands the open sheet of type key to the view that checks and submits sheets.
func (s *Shell) checkOne(key string) {
	for _, v := range s.views {
		if v.CheckSheet != nil && key != "" {
			s.ShowView(v.Title)
			v.CheckSheet(key)
			return
		}
	}
}

// run runs an action by id.
func (s *Shell) run(id actionID) {
	if a := s.acts[id]; a != nil {
		a.Run()
	}
}

// runShortcut runs the action bound to a shortcut typed in the grid that the editor
// handed on (its own commands it runs itself).
func (s *Shell) runShortcut(sc fyne.Shortcut) {
	if s.menuShortcut(sc) || s.viewShortcut(sc) {
		return
	}
	for _, a := range s.acts {
		if a.Key != nil && a.Key.ShortcutName() == sc.ShortcutName() {
			a.Run()
			return
		}
	}
}

// menuItem makes a menu item of an action, showing its shortcut.
func (s *Shell) menuItem(id actionID) *fyne.MenuItem { return s.acts[id].MenuItem() }

func (s *Shell) mainMenu() *fyne.MainMenu {
	items := func(ids ...actionID) []*fyne.MenuItem {
		var out []*fyne.MenuItem
		for _, id := range ids {
			if id < 0 {
				out = append(out, fyne.NewMenuItemSeparator())
				continue
			}
			out = append(out, s.menuItem(id))
		}
		return out
	}
	const sep actionID = -1
	fileItems := append(items(actNew, actOpen, sep, actSave, actSaveAs, sep, actCheck), s.viewFileItems()...)
	file := fyne.NewMenu(words.T("File"), append(fileItems, items(sep, actClose, sep, actQuit)...)...)
	file.Items[len(file.Items)-1].IsQuit = true // Fyne adds no Quit of its own then
	edit := fyne.NewMenu(words.T("Edit"), items(actUndo, actRedo, sep, actCut, actCopy, actPaste,
		actClear, actSelectAll, sep, actFillDown, actFillRight, sep, actMarkDelete, actUnmarkDelete, sep, actFind, actReplace)...)
	rows := fyne.NewMenu(words.T("Rows"), items(actInsertRows, actAddChild, actDeleteRows, sep,
		actSortAsc, actSortDesc)...)
	view := fyne.NewMenu(words.T("View"), append(s.pageItems(), items(sep, actStart, sep, actFilter, actNextFinding, actPrevFinding, sep)...)...)
	view.Items = append(view.Items, s.panelItems()...)
	view.Items = append(view.Items, fyne.NewMenuItemSeparator(), s.languageMenu())
	help := fyne.NewMenu(words.T("Help"), append(items(actShortcuts), s.aboutItem())...)
	menus := []*fyne.Menu{file, edit, rows, view}
	menus = append(menus, s.opts.Menus...)
	return fyne.NewMainMenu(append(menus, help)...)
}

// setMainMenu (re)builds the main menu, with Alt+letter for each menu.
func (s *Shell) setMainMenu() {
	m := s.mainMenu()
	s.win.SetMainMenu(m)
	s.menuShortcuts(m)
}

func (s *Shell) newToolbar() *widget.Toolbar {
	var items []widget.ToolbarItem
	for _, id := range []actionID{actStart, -1, actNew, actOpen, actSave, actCheck, -1, actUndo, actRedo, -1, actCut, actCopy,
		actPaste, -1, actInsertRows, actAddChild, actDeleteRows, actFillDown, -1, actFilter, actFind, actReplace,
		actPrevFinding, actNextFinding} {
		if id < 0 {
			items = append(items, widget.NewToolbarSeparator())
			continue
		}
		items = append(items, tipAction{s.toolButton(id)})
	}
	return widget.NewToolbar(items...)
}

// toolButton is an action's toolbar button; its tip names the action and its shortcut.
func (s *Shell) toolButton(id actionID) *tipButton {
	a := s.acts[id]
	tip := a.Label
	if k := shortcutText(a.Key); a.Key != nil && k != "" {
		tip += " (" + k + ")"
	}
	return newTipButton(a.Icon, tip, s.tips, a.Run)
}
