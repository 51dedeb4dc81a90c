package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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
	actInsertRows
	actAddChild
	actDeleteRows
	actSortAsc
	actSortDesc
	actFilter
	actFind
	actReplace
	actNextFinding
	actPrevFinding
	actShortcuts
	actStart
	actQuit
)

type action struct {
	label string
	icon  fyne.Resource
	key   fyne.Shortcut // nil: none
	run   func()
}

func ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// fkey is a function key as a shortcut (F8 for the next finding), with modifiers.
func fkey(k fyne.KeyName, m fyne.KeyModifier) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: m}
}

func (s *Shell) newActions() map[actionID]*action {
	return map[actionID]*action{
		actNew:         {lang.L("New sheet"), theme.DocumentCreateIcon(), ctrl(fyne.KeyN), s.newSheet},
		actOpen:        {lang.L("Open…"), theme.FolderOpenIcon(), ctrl(fyne.KeyO), s.openDialog},
		actSave:        {lang.L("Save"), theme.DocumentSaveIcon(), ctrl(fyne.KeyS), s.save},
		actSaveAs:      {lang.L("Save as…"), nil, ctrlShift(fyne.KeyS), s.saveAs},
		actClose:       {lang.L("Close sheet"), nil, ctrl(fyne.KeyW), s.closeSheet},
		actUndo:        {lang.L("Undo"), theme.ContentUndoIcon(), &fyne.ShortcutUndo{}, s.undo},
		actRedo:        {lang.L("Redo"), theme.ContentRedoIcon(), &fyne.ShortcutRedo{}, s.redo},
		actCut:         {lang.L("Cut"), theme.ContentCutIcon(), &fyne.ShortcutCut{}, s.cut},
		actCopy:        {lang.L("Copy"), theme.ContentCopyIcon(), &fyne.ShortcutCopy{}, s.copy},
		actPaste:       {lang.L("Paste"), theme.ContentPasteIcon(), &fyne.ShortcutPaste{}, s.paste},
		actClear:       {lang.L("Clear cells"), theme.ContentClearIcon(), nil, s.clear},
		actSelectAll:   {lang.L("Select all"), nil, &fyne.ShortcutSelectAll{}, s.selectAll},
		actFillDown:    {lang.L("Fill down"), iconFillDown, ctrl(fyne.KeyD), s.fillDown},
		actInsertRows:  {lang.L("Insert rows"), iconInsertRows, ctrl(fyne.KeyI), s.insertRows},
		actAddChild:    {lang.L("Add child row"), iconAddChild, ctrlShift(fyne.KeyI), s.addChild},
		actDeleteRows:  {lang.L("Delete rows"), iconDeleteRows, ctrl(fyne.KeyMinus), s.deleteRows},
		actSortAsc:     {lang.L("Sort A to Z by this column"), nil, ctrl(fyne.KeyLeftBracket), func() { s.sort(false) }},
		actSortDesc:    {lang.L("Sort Z to A by this column"), nil, ctrl(fyne.KeyRightBracket), func() { s.sort(true) }},
		actFilter:      {lang.L("Show only rows with findings"), iconFilter, ctrlShift(fyne.KeyL), s.toggleFilter},
		actFind:        {lang.L("Find…"), theme.SearchIcon(), ctrl(fyne.KeyF), func() { s.ed.find.show(false) }},
		actReplace:     {lang.L("Replace…"), theme.SearchReplaceIcon(), ctrl(fyne.KeyH), func() { s.ed.find.show(true) }},
		actNextFinding: {lang.L("Next finding"), iconNextIssue, fkey(fyne.KeyF8, 0), func() { s.findings.step(1) }},
		actPrevFinding: {lang.L("Previous finding"), iconPrevIssue, fkey(fyne.KeyF8, fyne.KeyModifierShift), func() { s.findings.step(-1) }},
		actShortcuts:   {lang.L("Keyboard shortcuts"), theme.HelpIcon(), nil, s.showShortcuts},
		actQuit:        {lang.L("Quit"), nil, ctrl(fyne.KeyQ), s.quit},
		actStart:       {lang.L("Start page"), theme.HomeIcon(), nil, func() { s.ShowSheets(); s.showStart() }},
	}
}

// run runs an action by id.
func (s *Shell) run(id actionID) {
	if a := s.acts[id]; a != nil {
		a.run()
	}
}

// runShortcut runs the action bound to a shortcut typed in the grid. Undo and Redo also
// answer Ctrl+Shift+Z.
func (s *Shell) runShortcut(sc fyne.Shortcut) {
	if sc.ShortcutName() == ctrlShift(fyne.KeyZ).ShortcutName() {
		s.run(actRedo)
		return
	}
	for _, a := range s.acts {
		if a.key != nil && a.key.ShortcutName() == sc.ShortcutName() {
			a.run()
			return
		}
	}
}

// menuItem makes a menu item of an action, showing its shortcut.
func (s *Shell) menuItem(id actionID) *fyne.MenuItem {
	a := s.acts[id]
	it := fyne.NewMenuItem(a.label, a.run)
	it.Icon = a.icon
	it.Shortcut = a.key
	return it
}

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
	file := fyne.NewMenu(lang.L("File"), items(actNew, actOpen, sep, actSave, actSaveAs, sep, actClose, sep, actQuit)...)
	file.Items[len(file.Items)-1].IsQuit = true // Fyne adds no Quit of its own then
	edit := fyne.NewMenu(lang.L("Edit"), items(actUndo, actRedo, sep, actCut, actCopy, actPaste,
		actClear, actSelectAll, sep, actFillDown, sep, actFind, actReplace)...)
	rows := fyne.NewMenu(lang.L("Rows"), items(actInsertRows, actAddChild, actDeleteRows, sep,
		actSortAsc, actSortDesc)...)
	view := fyne.NewMenu(lang.L("View"), items(actStart, sep, actFilter, actNextFinding, actPrevFinding)...)
	view.Items = append(view.Items, fyne.NewMenuItemSeparator(), s.languageMenu())
	help := fyne.NewMenu(lang.L("Help"), append(items(actShortcuts), s.aboutItem())...)
	menus := []*fyne.Menu{file, edit, rows, view}
	menus = append(menus, s.opts.Menus...)
	return fyne.NewMainMenu(append(menus, help)...)
}

func (s *Shell) newToolbar() *widget.Toolbar {
	var items []widget.ToolbarItem
	for _, id := range []actionID{actStart, -1, actNew, actOpen, actSave, -1, actUndo, actRedo, -1, actCut, actCopy,
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
	tip := a.label
	if k := shortcutText(a.key); a.key != nil && k != "" {
		tip += " (" + k + ")"
	}
	return newTipButton(a.icon, tip, s.tips, a.run)
}
