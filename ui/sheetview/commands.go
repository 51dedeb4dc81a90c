package sheetview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"github.com/bulkops/bulkops/ui/words"
)

// Command names what the user can do to the sheet shown. The host's menus and toolbar
// run the same Action as the keyboard and the headers' menus.
type Command int

// The editor's commands.
const (
	Undo Command = iota
	Redo
	Cut
	Copy
	Paste
	Clear
	SelectAll
	FillDown
	InsertRows
	AddChild
	DeleteRows
	SortAscending
	SortDescending
	FilterFindings // show only the rows with findings, or all again
	Find
	Replace
	NextFinding
	PreviousFinding
	FillRight
	MarkForDeletion // the selected records' Action becomes DELETE
	UnmarkDeletion
)

// Action is a command as menus, toolbars and the keyboard offer it.
type Action struct {
	Label string
	Icon  fyne.Resource
	Key   fyne.Shortcut // nil: none
	Run   func()
}

// MenuItem makes a menu item of an action, showing its shortcut.
func (a *Action) MenuItem() *fyne.MenuItem {
	it := fyne.NewMenuItem(a.Label, a.Run)
	it.Icon = a.Icon
	it.Shortcut = a.Key
	return it
}

// Ctrl is Ctrl (Cmd on macOS) with a key, as a shortcut.
func Ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// CtrlShift is Ctrl+Shift (Cmd+Shift) with a key, as a shortcut.
func CtrlShift(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// fkey is a function key as a shortcut (F8 for the next finding), with modifiers.
func fkey(k fyne.KeyName, m fyne.KeyModifier) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: m}
}

// Action returns the action of a command.
func (e *Editor) Action(c Command) *Action { return e.acts[c] }

func (e *Editor) newActions() map[Command]*Action {
	return map[Command]*Action{
		Undo:            {words.X("window: Undo", "Undo"), theme.ContentUndoIcon(), &fyne.ShortcutUndo{}, e.undo},
		Redo:            {words.T("Redo"), theme.ContentRedoIcon(), &fyne.ShortcutRedo{}, e.redo},
		Cut:             {words.T("Cut"), theme.ContentCutIcon(), &fyne.ShortcutCut{}, e.cut},
		Copy:            {words.T("Copy"), theme.ContentCopyIcon(), &fyne.ShortcutCopy{}, e.copy},
		Paste:           {words.T("Paste"), theme.ContentPasteIcon(), &fyne.ShortcutPaste{}, e.paste},
		Clear:           {words.T("Clear cells"), theme.ContentClearIcon(), nil, e.clear},
		SelectAll:       {words.T("Select all"), nil, &fyne.ShortcutSelectAll{}, e.selectAll},
		FillDown:        {words.T("Fill down"), iconFillDown, Ctrl(fyne.KeyD), e.fillDown},
		FillRight:       {words.T("Fill right"), nil, Ctrl(fyne.KeyR), e.fillRight},
		InsertRows:      {words.T("Insert rows"), iconInsertRows, Ctrl(fyne.KeyI), e.insertRows},
		AddChild:        {words.T("Add child row"), iconAddChild, CtrlShift(fyne.KeyI), e.addChild},
		DeleteRows:      {words.T("Delete rows"), iconDeleteRows, Ctrl(fyne.KeyMinus), e.deleteRows},
		MarkForDeletion: {words.T("Mark for deletion"), theme.DeleteIcon(), CtrlShift(fyne.KeyD), e.markForDeletion},
		UnmarkDeletion:  {words.T("Unmark for deletion"), nil, CtrlShift(fyne.KeyU), e.unmarkDeletion},
		SortAscending:   {words.T("Sort A to Z by this column"), nil, Ctrl(fyne.KeyLeftBracket), func() { e.sort(false) }},
		SortDescending:  {words.T("Sort Z to A by this column"), nil, Ctrl(fyne.KeyRightBracket), func() { e.sort(true) }},
		FilterFindings:  {words.T("Show only rows with findings"), iconFilter, CtrlShift(fyne.KeyL), e.toggleFilter},
		Find:            {words.T("Find…"), theme.SearchIcon(), Ctrl(fyne.KeyF), func() { e.find.show(false) }},
		Replace:         {words.T("Replace…"), theme.SearchReplaceIcon(), Ctrl(fyne.KeyH), func() { e.find.show(true) }},
		NextFinding:     {words.T("Next finding"), iconNextIssue, fkey(fyne.KeyF8, 0), func() { e.findings.step(1) }},
		PreviousFinding: {words.T("Previous finding"), iconPrevIssue, fkey(fyne.KeyF8, fyne.KeyModifierShift), func() { e.findings.step(-1) }},
	}
}

// runShortcut runs the command bound to a shortcut typed in the grid, or hands it to the
// host. Redo also answers Ctrl+Shift+Z.
func (e *Editor) runShortcut(sc fyne.Shortcut) {
	if sc.ShortcutName() == CtrlShift(fyne.KeyZ).ShortcutName() {
		e.redo()
		return
	}
	for _, a := range e.acts {
		if a.Key != nil && a.Key.ShortcutName() == sc.ShortcutName() {
			a.Run()
			return
		}
	}
	e.host.Shortcut(sc)
}
