package sheetview

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/sheets"
)

// CellMessage is a message on one cell of a sheet, from outside the checker (a failed
// job's per-record error): Row is the record index (0-based), Col the column index, or -1
// for the record as a whole.
type CellMessage struct {
	Row, Col int
	Message  string
}

// note is a message from Control Hub or a job on a cell or row. It shows while the cell
// (or, for the row, every cell) still holds what it held when the message came: once the
// user changes it, the message no longer applies; undoing the change brings it back.
type note struct {
	col     int    // -1 for the row
	source  string // who said it: Control Hub (an error file), Webex (a job)
	message string
	value   string // the cell's text, or the row's (cells joined by a tab), when noted
}

// notes holds the notes of a sheet by row. A row is known by its first cell's address,
// which stays with the row when rows are inserted, deleted or sorted around it.
type notes map[*string][]note

func rowKey(r *sheets.Row) *string {
	if len(r.Cells) == 0 {
		return nil
	}
	return &r.Cells[0]
}

func rowText(r *sheets.Row) string { return strings.Join(r.Cells, "\t") }

// newNotes gathers the notes of a sheet being opened: each row's Message (an error file's
// Error Message column) and msgs. Rows are first made as long as the header, so that no
// edit moves their cells (and with them the key of their notes).
func newNotes(sh *sheets.Sheet, msgs []CellMessage) notes {
	for i := range sh.Rows {
		if n := len(sh.Columns) - len(sh.Rows[i].Cells); n > 0 {
			sh.Rows[i].Cells = append(sh.Rows[i].Cells, make([]string, n)...)
		}
	}
	ns := notes{}
	for i := range sh.Rows {
		if r := &sh.Rows[i]; r.Message != "" && rowKey(r) != nil {
			ns[rowKey(r)] = append(ns[rowKey(r)], note{col: -1, source: "Control Hub", message: r.Message, value: rowText(r)})
		}
	}
	for _, m := range msgs {
		if m.Row < 0 || m.Row >= len(sh.Rows) || m.Col >= len(sh.Columns) {
			continue
		}
		r := &sh.Rows[m.Row]
		if rowKey(r) == nil {
			continue
		}
		n := note{col: m.Col, source: "Webex", message: m.Message, value: rowText(r)}
		if m.Col >= 0 {
			n.col, n.value = m.Col, r.Cells[m.Col]
		} else {
			n.col = -1
		}
		ns[rowKey(r)] = append(ns[rowKey(r)], n)
	}
	return ns
}

// at returns the notes that still apply to row m, column col (-1: the row).
func (ns notes) at(sh *sheets.Sheet, m, col int) []sheets.Finding {
	if len(ns) == 0 || m < 0 || m >= len(sh.Rows) {
		return nil
	}
	r := &sh.Rows[m]
	var out []sheets.Finding
	for _, n := range ns[rowKey(r)] {
		if n.col == col && n.applies(r) {
			out = append(out, n.finding(sh, m))
		}
	}
	return out
}

// row returns every note of row m that still applies.
func (ns notes) row(sh *sheets.Sheet, m int) []sheets.Finding {
	if len(ns) == 0 {
		return nil
	}
	r := &sh.Rows[m]
	var out []sheets.Finding
	for _, n := range ns[rowKey(r)] {
		if n.applies(r) {
			out = append(out, n.finding(sh, m))
		}
	}
	return out
}

// all returns every note that still applies, in row order.
func (ns notes) all(sh *sheets.Sheet) []sheets.Finding {
	if len(ns) == 0 {
		return nil
	}
	var out []sheets.Finding
	for m := range sh.Rows {
		out = append(out, ns.row(sh, m)...)
	}
	return out
}

func (n note) applies(r *sheets.Row) bool {
	if n.col < 0 {
		return rowText(r) == n.value
	}
	return n.col < len(r.Cells) && r.Cells[n.col] == n.value
}

func (n note) finding(sh *sheets.Sheet, m int) sheets.Finding {
	f := sheets.Finding{File: sh.File, Row: sheets.RowNumber(m), Col: n.col, Severity: sheets.Error,
		Message: lang.L("{{.Source}}: {{.Message}}", map[string]any{"Source": n.source, "Message": n.message})}
	if n.col >= 0 {
		f.Column = sh.Columns[n.col].Header
	}
	return f
}
