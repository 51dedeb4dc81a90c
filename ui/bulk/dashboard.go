package bulk

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// Dashboard columns.
const (
	colID = iota
	colFile
	colObject
	colStatus
	colSubmitted
	numCols
)

// Column widths: each column fits its title and the jobs listed, within these bounds, so
// that a 1024-pixel window shows every column without scrolling.
const (
	minColWidth = 90
	maxColWidth = 360
	fitJobs     = 200 // the jobs measured
)

// dashboard lists the organization's jobs newest first, and starts a new one.
type dashboard struct {
	b       *Bulk
	table   *widget.Table
	newOp   *widget.Button
	wbook   *widget.Button // Submit a workbook…
	why     *widget.Label  // why New bulk operation is disabled
	org     *widget.Label
	empty   *widget.Label
	errText *widget.Label
	content fyne.CanvasObject

	cells map[widget.TableCellID]*widget.Label // the templates on screen, for tests
}

func newDashboard(b *Bulk) *dashboard {
	d := &dashboard{b: b, cells: map[widget.TableCellID]*widget.Label{}}
	d.newOp = widget.NewButtonWithIcon(words.T("New bulk operation"), theme.ContentAddIcon(), b.startNewOperation)
	d.newOp.Importance = widget.HighImportance
	d.wbook = widget.NewButtonWithIcon(words.T("Submit a workbook…"), theme.UploadIcon(), b.SubmitWorkbook)
	d.why = widget.NewLabel("")
	d.why.Importance = widget.LowImportance
	d.org = widget.NewLabel("")
	d.org.TextStyle.Bold = true
	d.empty = widget.NewLabel("")
	d.empty.Wrapping = fyne.TextWrapWord
	d.errText = widget.NewLabel("")
	d.errText.Importance = widget.DangerImportance
	d.errText.Wrapping = fyne.TextWrapWord
	d.errText.Hide()
	d.table = d.newTable()
	refresh := widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), b.Refresh)
	top := container.NewVBox(
		container.NewHBox(d.org, layout.NewSpacer(), d.why, d.newOp, d.wbook, refresh),
		d.errText)
	// The sentence of an empty list stands in for the table, not over its column headers.
	d.content = container.NewBorder(top, nil, nil, nil, container.NewStack(d.table, container.NewVBox(d.empty)))
	d.refresh()
	return d
}

func (d *dashboard) newTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(d.b.list), numCols },
		func() fyne.CanvasObject { return widget.NewLabel("BO-20260101-XXXX") },
		d.updateCell)
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 && id.Col < numCols {
			o.(*widget.Label).SetText(columnTitle(id.Col))
		}
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		if id.Row >= 0 && id.Row < len(d.b.list) {
			d.b.showJob(d.b.list[id.Row].ID)
		}
	}
	return t
}

func columnTitle(c int) string {
	return [numCols]string{words.T("Job ID"), words.T("File name"), words.T("Object"),
		words.T("Status"), words.T("Submitted by")}[c]
}

func (d *dashboard) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	d.track(id, l)
	if id.Row >= len(d.b.list) {
		l.SetText("")
		return
	}
	j := d.b.list[id.Row]
	l.Importance = widget.MediumImportance
	l.TextStyle.Bold = false
	l.Text = cellText(j, id.Col)
	if id.Col == colStatus {
		l.Importance = statusImportance(j.Status)
		l.TextStyle.Bold = true
	}
	l.Truncation = fyne.TextTruncateEllipsis
	l.Refresh()
}

// cellText is what a job's row shows in a column.
func cellText(j jobs.Job, col int) string {
	switch col {
	case colID:
		return j.ID
	case colFile:
		return j.FileName
	case colObject:
		if j.Object == jobs.WorkbookObject {
			return workbookLine(j)
		}
		return objectTitle(j.Object)
	case colStatus:
		return statusLine(j)
	}
	return submittedBy(j)
}

// fitColumns sizes the columns to their titles and the jobs listed.
func (d *dashboard) fitColumns() {
	size, pad := theme.TextSize(), 2*theme.InnerPadding()+8
	bold := fyne.TextStyle{Bold: true}
	for c := range numCols {
		w := fyne.MeasureText(columnTitle(c), size, bold).Width
		for i, j := range d.b.list {
			if i == fitJobs {
				break
			}
			w = max(w, fyne.MeasureText(cellText(j, c), size, fyne.TextStyle{Bold: c == colStatus}).Width)
		}
		d.table.SetColumnWidth(c, min(max(w+pad, minColWidth), maxColWidth))
	}
}

// track remembers which template shows which cell.
func (d *dashboard) track(id widget.TableCellID, l *widget.Label) {
	for k, v := range d.cells {
		if v == l {
			delete(d.cells, k)
		}
	}
	d.cells[id] = l
}

// refresh shows the current list and whether a new operation can start.
func (d *dashboard) refresh() {
	b := d.b
	d.errText.Hide()
	switch {
	case b.target.OrgID == "" && b.target.OrgName != "":
		d.org.SetText(words.T("%s: not signed in", b.target.OrgName))
	case b.target.OrgID == "":
		d.org.SetText(words.T("Not connected"))
	default:
		d.org.SetText(words.T("Jobs of %s", b.target.OrgLabel()))
	}
	if len(b.list) == 0 {
		d.empty.SetText(words.T("No bulk jobs yet. Start one with New bulk operation: export a template or the organization's records, or import a sheet."))
		d.empty.Show()
		d.table.Hide()
	} else {
		d.empty.Hide()
		d.table.Show()
	}
	reason := b.cannotStart()
	d.why.SetText(reason)
	enable(reason == "", d.newOp, d.wbook)
	if b.workbook != nil {
		b.workbook.updateSubmit() // the one-active-job rule holds there too
	}
	d.fitColumns()
	d.table.Refresh()
}

// showError says the store could not be read (it stays until the next good read).
func (d *dashboard) showError(err error) {
	d.errText.SetText(words.T("The jobs could not be read: %s", errorText(err)))
	d.errText.Show()
}

// cannotStart says why New bulk operation is disabled, or "" when it is not.
func (b *Bulk) cannotStart() string {
	switch {
	case b.target.OrgID == "" && b.target.OrgName == "":
		return words.T("Connect to an organization first")
	case !b.target.Connected():
		return words.T("Sign in to %s to submit jobs", b.target.OrgLabel())
	case b.active != nil:
		return words.T("Job %s is %s", b.active.ID, StatusText(b.active.Status))
	}
	return ""
}
