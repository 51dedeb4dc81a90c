package sheetview

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/grid"
	"github.com/bulkops/bulkops/ui/words"
)

// Editor is the sheet editor in the middle of the window: a cell bar (the cursor's
// reference, the cell editor and a drop-down button), the find bar, and the table of the
// sheet shown; beside it, the findings panel. Cells are edited in the cell bar's entry,
// which mirrors into the cell as you type; allowed values and names to complete from are
// listed under the cell.
type Editor struct {
	host     Host
	ws       *workspace
	cur      *sheetView // the sheet shown; nil when none is open for the object type
	pal      palette
	fit      fitter // shortens cell texts to their column's width
	findings *findingsPanel
	acts     map[Command]*Action
	// shownMenu is the context menu shown last (see contextmenu.go), for tests to choose from.
	shownMenu *fyne.Menu

	holder  *fyne.Container // holds cur's table
	float   *fyne.Container // a layer over the table for the choices list
	content fyne.CanvasObject

	cellRef *widget.Label
	entry   *cellEntry
	pick    *widget.Button
	colInfo *widget.Label
	message *cellMessage // the cursor cell's findings in full
	choices *choices
	find    *findBar

	editing   bool
	editView  *sheetView
	editCell  grid.Cell
	typedEdit bool // started by typing: the arrow keys commit, as in Excel
	tabFrom   int  // the column a run of Tabs began in, or -1

	widthTimer *time.Timer
	widthView  *sheetView    // the view whose widths widthTimer saves
	widthDelay time.Duration // how long after a column is resized its width is saved
}

// New builds the editor for a host, with no sheet open. widthDelay is how long after
// the user resizes a column its width is saved (0: at once).
func New(h Host, widthDelay time.Duration) *Editor {
	e := &Editor{host: h, ws: newWorkspace(), pal: newPalette(), tabFrom: -1, widthDelay: widthDelay}
	e.cellRef = widget.NewLabel("")
	e.cellRef.TextStyle.Monospace = true
	e.entry = newCellEntry(e)
	e.pick = widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), func() { e.openChoices() })
	e.pick.Importance = widget.LowImportance
	e.colInfo = widget.NewLabel("")
	e.colInfo.Truncation = fyne.TextTruncateEllipsis
	e.colInfo.Importance = widget.LowImportance
	e.choices = newChoices(e)
	e.find = newFindBar(e)
	e.holder = container.NewStack()
	e.float = container.NewWithoutLayout(e.choices.box)
	bar := container.NewBorder(nil, nil, e.cellRef, e.pick, e.entry)
	e.message = newCellMessage(func() fyne.CanvasObject { return e.content })
	top := container.NewVBox(bar, e.withTip(e.colInfo), e.message.content, e.find.content)
	e.content = container.NewBorder(top, nil, nil, nil, container.NewStack(e.holder, e.float))
	e.acts = e.newActions()
	e.findings = newFindingsPanel(e)
	e.showCell()
	return e
}

// Content is the editor: the cell bar, the find bar and the table of the sheet shown.
func (e *Editor) Content() fyne.CanvasObject { return e.content }

// FindingsPanel is the list of the findings of the sheet shown, to put beside Content.
func (e *Editor) FindingsPanel() fyne.CanvasObject { return e.findings.content }

func (e *Editor) editingAt(v *sheetView, c grid.Cell) bool {
	return e.editing && e.editView == v && e.editCell == c
}

func (e *Editor) editingIn(v *sheetView) bool { return e.editing && e.editView == v }

// show puts a sheet's view in the editor; nil shows none.
func (e *Editor) show(v *sheetView) {
	e.commit(0, 0)
	e.cur = v
	if v == nil {
		e.holder.Objects = nil
	} else {
		e.holder.Objects = []fyne.CanvasObject{v.table}
	}
	e.holder.Refresh()
	e.find.refresh()
	e.showCell()
}

// focusGrid gives the keyboard to the table of the sheet shown.
func (e *Editor) focusGrid() {
	if e.cur == nil {
		return
	}
	if c := e.host.Window().Canvas(); c != nil {
		c.Focus(e.cur.table)
	}
}

// clicked handles a click on a cell: the cursor goes there, or with Shift the selection
// grows to it.
func (e *Editor) clicked(v *sheetView, c grid.Cell, extend bool) {
	e.commit(0, 0)
	e.tabFrom = -1
	v.doc().Select(c, extend)
	e.moved(v)
}

// moved repaints after the cursor or the selection changed and brings the cursor into view.
func (e *Editor) moved(v *sheetView) {
	// The cell bar and the status line first: a column description of more lines makes
	// the table shorter, and the scroll must be worked out for the height it has then.
	e.showCell()
	e.host.CursorMoved()
	v.scrollToCursor()
	v.refresh()
}

// showCell fills the cell bar for the cursor's cell: its reference, its value and its
// column's description.
func (e *Editor) showCell() {
	if e.cur == nil {
		e.cellRef.SetText("")
		e.colInfo.SetText("")
		e.setEntry("")
		e.entry.Disable()
		e.pick.Disable()
		return
	}
	e.entry.Enable()
	d := e.cur.doc()
	c := d.Cursor()
	e.cellRef.SetText(cellName(d, c))
	if !e.editing {
		e.setEntry(d.Value(c))
	}
	e.colInfo.SetText(columnInfo(d.Sheet(), c.Col))
	if len(e.choices.source(e.cur, c.Col)) > 0 {
		e.pick.Enable()
	} else {
		e.pick.Disable()
	}
}

// setEntry shows text in the cell bar without it counting as an edit.
func (e *Editor) setEntry(text string) {
	if e.entry.Text != text {
		e.entry.SetText(text)
	}
}

// cellName is how the status bar names a cell: its column letters and spreadsheet row, as
// Excel shows them ("C7"), and the column's header.
func cellName(d *grid.Document, c grid.Cell) string {
	if d.Cols() == 0 {
		return ""
	}
	m := d.ModelRow(c.Row)
	if m < 0 {
		return columnLetters(c.Col) + " " + words.T("new")
	}
	return columnLetters(c.Col) + strconv.Itoa(sheets.RowNumber(m))
}

// columnLetters returns Excel's name of a column: A … Z, AA, AB, …
func columnLetters(col int) string {
	s := ""
	for col++; col > 0; col = (col - 1) / 26 {
		s = string(rune('A'+(col-1)%26)) + s
	}
	return s
}
