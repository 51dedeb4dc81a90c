package jobs

import (
	"context"
	"slices"
	"strings"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// Action is what a job does with one record of a sheet.
type Action string

// The actions of a plan.
const (
	ActCreate    Action = "create"
	ActUpdate    Action = "update"
	ActUnchanged Action = "unchanged"
	ActFail      Action = "fail"
)

// Change is one cell a job changes: the organization's value (Old, as an export writes
// it; "" for a create) and the sheet's (New), on the cell of the sheet that holds it.
type Change struct {
	File   string `json:"file"`
	Row    int    `json:"row"` // spreadsheet row (the header is row 1)
	Col    int    `json:"col"` // index into the file's columns
	Column string `json:"column"`
	Old    string `json:"old"`
	New    string `json:"new"`
}

// Planned is what a job does with one record: create it with its values, update the
// columns in Changes, leave it, or fail it for Reason.
type Planned struct {
	File    string   `json:"file"`
	Row     int      `json:"row"` // the record's first row
	Key     string   `json:"key"` // its key as the sheet writes it (a name, an e-mail)
	Action  Action   `json:"action"`
	Changes []Change `json:"changes,omitempty"`
	Reason  string   `json:"reason,omitempty"`
	// Suspect are the cells a spreadsheet program seems to have rewritten (a warning is
	// on each): Old is the organization's value, the one to keep instead.
	Suspect []Change `json:"suspect,omitempty"`

	expect expectation // what the job checks before it sends the record
}

// expectation is the organization's object as the check saw it, which the job
// compares with what it finds when it sends (see sinceCheck).
type expectation struct {
	key     string   // the record's key as orgIndex spells it
	existed bool     // the organization had the object: the plan updates or leaves it
	version string   // the object's version; "" for a create or a type without one
	org     []string // its parent row as an export writes it, to name what changed
}

// diff is what a record changes of the organization's object, in the sheet's terms.
type diff struct {
	changes []Change
	// quiet are the cells that differ from the organization's as text but change
	// nothing: a blank (it keeps the value) or another spelling of the same value. A
	// spreadsheet program may be behind them (see suspect).
	quiet []Change
	org   []string // the object's parent row, as an export writes it
}

// changes compares record rec with cur, the organization's object, column by column in
// the sheet's own terms: cur rendered as an export writes it. A blank cell keeps the
// organization's value (the mapper never clears), so it is no change. A cell that
// differs as text but saves the same value (TRUE for ON, a case) is no change either.
func (m *mapper) changes(ctx context.Context, file string, rec *record, cur webex.Object) (diff, error) {
	rows, err := m.exportRows(ctx, cur)
	if err != nil || len(rows) == 0 {
		return diff{}, err
	}
	d := diff{org: rows[0]}
	for ci := range m.obj.Columns {
		c := &m.obj.Columns[ci]
		idx, ok := rec.lay.col[c]
		if !ok || c.APIField == "" {
			continue
		}
		if c.Child {
			if ch, ok := childChange(rec, c, idx, rows, ci); ok {
				ch.File = file
				d.changes = append(d.changes, ch)
			}
			continue
		}
		v, old := rec.parentValue(c), rows[0][ci]
		if v == old {
			continue
		}
		ch := Change{File: file, Row: rec.rowWith(c), Col: idx, Column: rec.lay.header[idx], Old: old, New: v}
		if (v == "" && !rec.restoring()) || (v != "" && m.saves(ctx, rec, c, v, cur)) {
			d.quiet = append(d.quiet, ch)
		} else {
			d.changes = append(d.changes, ch)
		}
	}
	return d, nil
}

// saves reports whether the cell v of column c saves the value cur already has.
func (m *mapper) saves(ctx context.Context, rec *record, c *catalog.Column, v string, cur webex.Object) bool {
	val, err := m.value(ctx, rec, c, v)
	if err != nil {
		return false
	}
	have := getPath(cur, c.APIField)
	return sameValue(val, have) || sameEnum(c, val, have)
}

// childChange compares a child column: the values of the organization's child rows
// with the record's, as sets. No child value in the record keeps the array.
func childChange(rec *record, c *catalog.Column, idx int, rows [][]string, ci int) (Change, bool) {
	var now []string
	row := 0
	for i := range rec.rows {
		if v := rec.value(i, c); v != "" {
			now = append(now, v)
			if row == 0 {
				row = rec.rows[i].Number
			}
		}
	}
	if len(now) == 0 {
		return Change{}, false
	}
	var was []string
	for _, r := range rows[1:] {
		if r[ci] != "" {
			was = append(was, r[ci])
		}
	}
	a, b := slices.Sorted(slices.Values(was)), slices.Sorted(slices.Values(now))
	if slices.Equal(a, b) {
		return Change{}, false
	}
	return Change{Row: row, Col: idx, Column: rec.lay.header[idx], Old: strings.Join(was, ", "), New: strings.Join(now, ", ")}, true
}

// rowWith is the number of the record's row that holds column c's value.
func (r *record) rowWith(c *catalog.Column) int {
	for i := range r.rows {
		if r.value(i, c) != "" {
			return r.rows[i].Number
		}
	}
	return r.rows[0].Number
}

// values are the filled cells of a record to create, as changes from nothing.
func (r *record) values(file string) []Change {
	var out []Change
	for _, row := range r.rows {
		for i, v := range row.Cells {
			if strings.TrimSpace(v) == "" || i >= len(r.lay.header) {
				continue
			}
			out = append(out, Change{File: file, Row: row.Number, Col: i, Column: r.lay.header[i], New: v})
		}
	}
	return out
}

// keyText is the record's key as the sheet writes it: its key columns' cells.
func (r *record) keyText(obj *catalog.Object) string {
	var parts []string
	for _, k := range obj.KeyColumns {
		if v := r.value(0, &obj.Columns[obj.Column(k)]); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " / ")
}
