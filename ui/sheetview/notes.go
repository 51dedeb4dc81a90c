package sheetview

import (
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
)

// note is a finding from outside the checker — Control Hub's error file, or a job's
// failed row — held on a cell or row. It shows while the cell (or, for the row, every
// cell) still holds what it held when the finding came: once the user changes it, the
// finding no longer applies; undoing the change brings it back. The finding keeps its
// message as a template, so it reads in the window's language whenever it is shown.
type note struct {
	f     sheets.Finding // Col -1 for the row; Row is set where it is shown
	value string         // the cell's text, or the row's (cells joined by a tab), when noted
	check bool           // a check's warning (ShowCheckWarnings), replaced by the next check's
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
// Error Message column) and fs, findings on sh's cells from a job (Row a spreadsheet row
// number of sh, Col a column of sh or -1). Rows are first made as long as the header, so
// that no edit moves their cells (and with them the key of their notes).
func newNotes(sh *sheets.Sheet, fs []sheets.Finding) notes {
	for i := range sh.Rows {
		if n := len(sh.Columns) - len(sh.Rows[i].Cells); n > 0 {
			sh.Rows[i].Cells = append(sh.Rows[i].Cells, make([]string, n)...)
		}
	}
	ns := notes{}
	for i := range sh.Rows {
		if r := &sh.Rows[i]; r.Message != "" && rowKey(r) != nil {
			msg := i18n.M("Control Hub: %s", i18n.Raw(r.Message))
			ns[rowKey(r)] = append(ns[rowKey(r)], note{f: sheets.NewFinding(sh.File, 0, -1, "", sheets.Error, msg), value: rowText(r)})
		}
	}
	for _, f := range fs {
		f.Text = i18n.M("Webex: %s", messageOf(f))
		f.Message = f.Text.String()
		ns.hold(sh, f, false)
	}
	return ns
}

// hold notes finding f on its cell of sh (Row a spreadsheet row number of sh, Col a
// column of sh or -1 for the row); a finding on no cell of sh is dropped.
func (ns notes) hold(sh *sheets.Sheet, f sheets.Finding, check bool) {
	m := f.Row - sheets.RowNumber(0)
	if m < 0 || m >= len(sh.Rows) || f.Col >= len(sh.Columns) || rowKey(&sh.Rows[m]) == nil {
		return
	}
	r := &sh.Rows[m]
	n := note{f: f, value: rowText(r), check: check}
	n.f.Column = ""
	if f.Col >= 0 {
		n.value, n.f.Column = r.Cells[f.Col], sh.Columns[f.Col].Header
	} else {
		n.f.Col = -1
	}
	ns[rowKey(r)] = append(ns[rowKey(r)], n)
}

// dropChecks takes the notes of a check off every row.
func (ns notes) dropChecks() {
	for k, list := range ns {
		kept := list[:0]
		for _, n := range list {
			if !n.check {
				kept = append(kept, n)
			}
		}
		if len(kept) == 0 {
			delete(ns, k)
		} else {
			ns[k] = kept
		}
	}
}

// messageOf is a finding's message as a template: its own, or its English text as it is.
func messageOf(f sheets.Finding) i18n.Msg {
	if f.Text.IsZero() {
		return i18n.Raw(f.Message)
	}
	return f.Text
}

// at returns the notes that still apply to row m, column col (-1: the row).
func (ns notes) at(sh *sheets.Sheet, m, col int) []sheets.Finding {
	if len(ns) == 0 || m < 0 || m >= len(sh.Rows) {
		return nil
	}
	r := &sh.Rows[m]
	var out []sheets.Finding
	for _, n := range ns[rowKey(r)] {
		if n.f.Col == col && n.applies(r) {
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
	if n.f.Col < 0 {
		return rowText(r) == n.value
	}
	return n.f.Col < len(r.Cells) && r.Cells[n.f.Col] == n.value
}

// finding is the note where row m of sh is now.
func (n note) finding(sh *sheets.Sheet, m int) sheets.Finding {
	f := n.f
	f.File, f.Row = sh.File, sheets.RowNumber(m)
	return f
}
