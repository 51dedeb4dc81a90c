package sheetview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/ui/grid"
	"github.com/bulkops/bulkops/ui/words"
)

// findBar is Find (Ctrl+F) and Replace (Ctrl+H) over the rows shown of the sheet shown.
type findBar struct {
	ed                  *Editor
	what, with          *findEntry
	matchCase, whole    *widget.Check
	next, prev, replace *widget.Button
	replaceAll, close   *widget.Button
	withRow             *fyne.Container
	content             *fyne.Container
}

func newFindBar(ed *Editor) *findBar {
	f := &findBar{ed: ed}
	f.what = newFindEntry(f, words.T("Find"), func() { f.find(false) })
	f.with = newFindEntry(f, words.T("Replace with"), func() { f.replaceOne() })
	f.matchCase = widget.NewCheck(words.T("Match case"), nil)
	f.whole = widget.NewCheck(words.T("Whole cell"), nil)
	f.next = widget.NewButtonWithIcon(words.T("Next"), theme.MoveDownIcon(), func() { f.find(false) })
	f.prev = widget.NewButtonWithIcon(words.T("Previous"), theme.MoveUpIcon(), func() { f.find(true) })
	f.replace = widget.NewButton(words.T("Replace"), f.replaceOne)
	f.replaceAll = widget.NewButton(words.T("Replace all"), f.replaceEvery)
	f.close = widget.NewButtonWithIcon("", theme.CancelIcon(), f.hide)
	f.close.Importance = widget.LowImportance
	findRow := container.NewBorder(nil, nil, nil,
		container.NewHBox(f.matchCase, f.whole, f.prev, f.next, f.close), f.what)
	f.withRow = container.NewBorder(nil, nil, nil, container.NewHBox(f.replace, f.replaceAll), f.with)
	f.content = container.NewVBox(findRow, f.withRow)
	f.content.Hide()
	return f
}

func (f *findBar) query() grid.Query {
	return grid.Query{Text: f.what.Text, MatchCase: f.matchCase.Checked, WholeCell: f.whole.Checked}
}

func (f *findBar) visible() bool { return f.content.Visible() }

// show opens the bar, with the replace row when replacing, and puts the keyboard in it.
func (f *findBar) show(replacing bool) {
	if f.ed.cur == nil {
		return
	}
	f.ed.commit(0, 0)
	if replacing {
		f.withRow.Show()
	} else {
		f.withRow.Hide()
	}
	f.content.Show()
	if c := f.ed.host.Window().Canvas(); c != nil {
		c.Focus(f.what)
	}
}

func (f *findBar) hide() {
	f.content.Hide()
	f.ed.focusGrid()
}

// refresh follows the sheet shown: no sheet, no find bar.
func (f *findBar) refresh() {
	if f.ed.cur == nil {
		f.content.Hide()
	}
}

func (f *findBar) find(backwards bool) {
	v := f.ed.cur
	if v == nil || f.what.Text == "" {
		return
	}
	if _, ok := v.doc().Find(f.query(), backwards); !ok {
		f.ed.host.Note(words.T("Not found: %s", f.what.Text))
		return
	}
	f.ed.moved(v)
}

func (f *findBar) replaceOne() {
	v := f.ed.cur
	if v == nil || f.what.Text == "" {
		return
	}
	v.doc().Replace(f.query(), f.with.Text)
	f.ed.moved(v)
}

func (f *findBar) replaceEvery() {
	v := f.ed.cur
	if v == nil || f.what.Text == "" {
		return
	}
	n := v.doc().ReplaceAll(f.query(), f.with.Text)
	f.ed.moved(v)
	f.ed.host.Note(words.T("Cells replaced: %d", n))
}

// findEntry runs its action on Enter and closes the bar on Esc.
type findEntry struct {
	widget.Entry
	bar   *findBar
	enter func()
}

func newFindEntry(bar *findBar, placeholder string, enter func()) *findEntry {
	e := &findEntry{bar: bar, enter: enter}
	e.PlaceHolder = placeholder
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey runs the action on Enter and closes the bar on Esc.
func (e *findEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		e.enter()
	case fyne.KeyEscape:
		e.bar.hide()
	default:
		e.Entry.TypedKey(k)
	}
}
