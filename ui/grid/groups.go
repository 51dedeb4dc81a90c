package grid

import "github.com/bulkops/bulkops/sheets/catalog"

// groupIndex caches which rows form parent/child groups (queues with their distribution
// groups, skill profiles with their skills). It is rebuilt lazily after changes.
type groupIndex struct {
	dirty bool
	start []int32 // per model row: the first row of its group; nil for a flat sheet
}

// Grouped reports whether the sheet's object type has parent and child rows.
func (d *Document) Grouped() bool {
	o := d.sheet.Object
	return o != nil && o.Rows == catalog.Group
}

func (d *Document) ensureGroups() {
	if !d.groups.dirty {
		return
	}
	d.groups.dirty = false
	if !d.Grouped() {
		d.groups.start = nil
		return
	}
	start := make([]int32, len(d.sheet.Rows))
	for _, g := range d.sheet.Groups() {
		for r := g[0]; r < g[1]; r++ {
			start[r] = int32(g[0])
		}
	}
	d.groups.start = start
}

// IsChild reports whether model row m is a child row: in its group, but not the first.
func (d *Document) IsChild(m int) bool {
	d.ensureGroups()
	return m >= 0 && m < len(d.groups.start) && int(d.groups.start[m]) != m
}

// group returns the model rows [start, end) of the group holding model row m; a row of a
// flat sheet is a group of its own.
func (d *Document) group(m int) (start, end int) {
	d.ensureGroups()
	if m < 0 || m >= len(d.groups.start) {
		return m, m + 1
	}
	start = int(d.groups.start[m])
	end = m + 1
	for end < len(d.groups.start) && int(d.groups.start[end]) == start {
		end++
	}
	return start, end
}

func (d *Document) groupRows(m int) []int {
	s, e := d.group(m)
	rows := make([]int, 0, e-s)
	for r := s; r < e; r++ {
		rows = append(rows, r)
	}
	return rows
}

// keyCols returns the columns that identify an object within the sheet.
func (d *Document) keyCols() []int {
	o := d.sheet.Object
	if o == nil {
		return nil
	}
	var cols []int
	for _, k := range o.KeyColumns {
		if i := d.sheet.Index(k); i >= 0 {
			cols = append(cols, i)
		}
	}
	return cols
}

// isKey reports whether col is a key column of a parent/child sheet.
func (d *Document) isKey(col int) bool {
	if !d.Grouped() {
		return false
	}
	for _, k := range d.keyCols() {
		if k == col {
			return true
		}
	}
	return false
}
