package sheets

import (
	"strconv"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
)

// columnFindings checks the header row: required columns that are missing (once per file,
// Row 0, naming the column), columns the catalog does not know (kept, a warning) and a
// catalog column given twice (only the first would be read).
func columnFindings(s *Sheet, l *checkLayout) []Finding {
	var fs []Finding
	for i := range l.obj.Columns {
		c := &l.obj.Columns[i]
		if c.Required && s.Index(c.Header) < 0 && l.action < 0 { // with Action: on the rows that are no deletes
			fs = append(fs, NewFinding(s.File, 0, -1, c.Header, Error,
				i18n.M("required column %q is missing", c.Header)))
		}
	}
	for i, c := range l.cols {
		switch {
		case c.spec == nil && i == l.action:
		case c.spec == nil:
			fs = append(fs, NewFinding(s.File, 0, i, c.header, Warning,
				i18n.M("column %q is not a %s column; it is kept as it is and not checked", c.header, l.noun)))
		case l.dupOf[i] >= 0:
			j := l.dupOf[i]
			fs = append(fs, NewFinding(s.File, 0, i, c.header, Error,
				i18n.M("column %q repeats column %d (%q); only the first would be read, so delete one of them", c.header, j+1, l.cols[j].header)))
		}
	}
	return fs
}

// sizeFindings reports a sheet above the limits of one Control Hub file. A sheet is
// split when it is packed, so that is a warning; a file about to be uploaded as it is
// (packed) cannot be, so there it is an error.
func sizeFindings(file string, records int, bytes int64, lim Limits, packed bool) []Finding {
	var fs []Finding
	sev := Warning
	if packed {
		sev = Error
	}
	parts := 1
	if lim.MaxRecords > 0 && records > lim.MaxRecords {
		parts = max(parts, (records+lim.MaxRecords-1)/lim.MaxRecords)
	}
	if lim.MaxBytes > 0 && bytes > lim.MaxBytes {
		parts = max(parts, int((bytes+lim.MaxBytes-1)/lim.MaxBytes))
	}
	add := func(what i18n.Msg) {
		msg := i18n.M("%s; Bulkops will split it into at least %d files when packing", what, parts)
		if packed {
			msg = i18n.M("%s; Control Hub refuses it: pack the sheet again to split it", what)
		}
		fs = append(fs, NewFinding(file, 0, -1, "", sev, msg))
	}
	if lim.MaxRecords > 0 && records > lim.MaxRecords {
		add(i18n.M("%d records: one Control Hub file takes at most %d", records, lim.MaxRecords))
	}
	if lim.MaxBytes > 0 && bytes > lim.MaxBytes {
		add(i18n.M("%s as CSV: one Control Hub file takes at most %s", formatBytes(bytes), formatBytes(lim.MaxBytes)))
	}
	return fs
}

// formatBytes writes a size the way people read it: 10 MB, 12.4 MB, 900 KB.
func formatBytes(n int64) string {
	const k, m = 1 << 10, 1 << 20
	switch {
	case n >= m:
		return strings.TrimSuffix(strconv.FormatFloat(float64(n)/m, 'f', 1, 64), ".0") + " MB"
	case n >= k:
		return strings.TrimSuffix(strconv.FormatFloat(float64(n)/k, 'f', 1, 64), ".0") + " KB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// groupFindings checks one parent/child group [start, end): that its numbered children are
// numbered 1..n without gaps or repeats (a queue's Distribution Group Seq) and that it fits
// in one file, since packing never splits a group.
func groupFindings(file string, l *checkLayout, cells func(r int) []string, start, end int, bytes int64, lim Limits) []Finding {
	var fs []Finding
	name := strconv.Quote(groupName(l, cells(start)))
	n := end - start - 1 // children
	for _, col := range l.seq {
		seen := map[int64]int{}
		h := l.cols[col].header
		for r := start + 1; r < end; r++ {
			v, err := strconv.ParseInt(strings.TrimSpace(rowCell(cells(r), col)), 10, 64)
			if err != nil || v < 1 {
				continue // reported by the cell checks
			}
			var msg i18n.Msg
			if first, dup := seen[v]; dup {
				msg = i18n.M("%s %d is already used on row %d of %s %s; number them 1 to %d", h, v, RowNumber(first), l.noun, name, n)
			} else if v > int64(n) {
				msg = i18n.M("%s %d is more than the %d rows that follow the first row of %s %s; number them 1 to %d", h, v, n, l.noun, name, n)
			}
			if _, dup := seen[v]; !dup {
				seen[v] = r
			}
			if !msg.IsZero() {
				fs = append(fs, NewFinding(file, RowNumber(r), col, h, Error, msg))
			}
		}
	}
	if lim.MaxRecords > 0 && end-start > lim.MaxRecords {
		fs = append(fs, NewFinding(file, RowNumber(start), -1, "", Error,
			i18n.M("%s %s has %d rows; one %s must fit in one file of at most %d records", l.noun, name, end-start, l.noun, lim.MaxRecords)))
	}
	if lim.MaxBytes > 0 && bytes > lim.MaxBytes {
		fs = append(fs, NewFinding(file, RowNumber(start), -1, "", Error,
			i18n.M("%s %s takes %s as a CSV file; one %s must fit in one file of at most %s", l.noun, name, formatBytes(bytes), l.noun, formatBytes(lim.MaxBytes))))
	}
	return fs
}

// dupFinding reports the record at row r whose key is already used by the record at
// first: the later one would overwrite the earlier, or split one group in two.
// dupFinding is the finding on row r, whose key is also on row other: the first
// occurrence is flagged as well as the later ones (as a spreadsheet user expects, every
// row that shares the key), each naming the other row to look at.
func dupFinding(file string, l *checkLayout, r int, cells []string, other int) Finding {
	col := l.keys[0]
	var key i18n.Msg
	for i, k := range l.keys {
		h := l.obj.KeyColumns[i]
		if k >= 0 {
			h = l.cols[k].header
		}
		one := i18n.M("%s %q", h, strings.TrimSpace(rowCell(cells, k)))
		if i == 0 {
			key = one
		} else {
			key = i18n.M("%s with %s", key, one)
		}
	}
	var msg i18n.Msg
	switch {
	case l.group && r < other:
		msg = i18n.M("%s is also on row %d: the rows of one %s must be next to each other",
			key, RowNumber(other), l.noun)
	case l.group:
		msg = i18n.M("%s is already on row %d: the rows of one %s must be next to each other",
			key, RowNumber(other), l.noun)
	case r < other:
		msg = i18n.M("%s is also on row %d: two %ss with the same %s would overwrite each other",
			key, RowNumber(other), l.noun, keyWords(l))
	default:
		msg = i18n.M("%s is already on row %d: a second %s with the same %s would overwrite the first",
			key, RowNumber(other), l.noun, keyWords(l))
	}
	return NewFinding(file, RowNumber(r), col, cellHeader(l, col), Error, msg)
}

// keyWords names the key columns in a sentence: "name", "name and type".
func keyWords(l *checkLayout) i18n.Msg {
	var m i18n.Msg
	for i, k := range l.obj.KeyColumns {
		if i == 0 {
			m = i18n.Raw(strings.ToLower(k))
		} else {
			m = i18n.M("%s and %s", m, strings.ToLower(k))
		}
	}
	return m
}

func cellHeader(l *checkLayout, col int) string {
	if col < 0 {
		return ""
	}
	return l.cols[col].header
}

func cellsOf(s *Sheet, r int) []string {
	if r < 0 || r >= len(s.Rows) {
		return nil
	}
	return s.Rows[r].Cells
}
