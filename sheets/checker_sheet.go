package sheets

import (
	"slices"
	"strings"

	"github.com/bulkops/bulkops/internal/namekey"
)

// checkSheet is the checker's state of one sheet: the findings by where they come from
// (so each can be replaced on its own) and the indexes that make an update cheap.
type checkSheet struct {
	idx   int32
	s     *Sheet
	l     *checkLayout // nil when the sheet's object type is unknown
	n     int          // records at the last full check
	ncols int

	rows   [][]Finding         // each record's own findings
	dup    map[int32]Finding   // duplicate-key findings, by record
	groups map[int32][]Finding // group findings, by the group's first record
	cols   []Finding           // header findings
	size   []Finding           // too many records or bytes for one file

	keys   []string         // key of each record as indexed
	start  []bool           // group objects: the record starts a group
	first  map[string]int32 // key → first record (flat) or group start with that key
	more   map[string][]int32
	noDups bool // a key column is missing: keys say nothing

	bytes  []int32 // encoded CSV size of each record
	header int64
	total  int64

	names [][2]string        // names each record defines for references (see refType)
	unres map[int32][]string // records with unresolved references, and to which types
	errs  int
	warns int
}

// load indexes a sheet: keys, groups, sizes and names. Name changes go to ev (nil at build).
func (c *Checker) load(st *checkSheet, ev nameEvents) {
	s := st.s
	st.n, st.ncols = len(s.Rows), len(s.Columns)
	st.rows = make([][]Finding, st.n)
	st.dup, st.groups = map[int32]Finding{}, map[int32][]Finding{}
	st.cols, st.size, st.errs, st.warns = nil, nil, 0, 0
	st.unres = map[int32][]string{}
	st.keys, st.start, st.bytes, st.names = nil, nil, nil, nil
	st.first, st.more = make(map[string]int32, st.n), map[string][]int32{}
	if st.l == nil {
		return
	}
	st.noDups = len(st.l.keys) == 0 || slices.Contains(st.l.keys, -1)
	st.keys = make([]string, st.n)
	st.bytes = make([]int32, st.n)
	st.header = int64(packRecordLen(s.Headers(), st.ncols))
	st.total = st.header
	if st.l.group {
		st.start = make([]bool, st.n)
	}
	for r := 0; r < st.n; r++ {
		st.keys[r] = st.rowKey(r)
		b := packRecordLen(cellsOf(s, r), st.ncols)
		st.bytes[r] = int32(min(b, 1<<31-1))
		st.total += int64(b)
	}
	for r := 0; r < st.n; r++ {
		if st.l.group {
			st.start[r] = r == 0 || st.keys[r] != st.keys[r-1]
		}
		if st.isStart(r) {
			st.occAdd(st.keys[r], int32(r))
		}
	}
	if t := c.definedType(st); t != nil {
		st.names = make([][2]string, st.n)
		for r := 0; r < st.n; r++ {
			st.names[r] = st.rowNames(r)
			for _, nm := range st.names[r] {
				t.addName(nm, 1, ev)
			}
		}
	}
}

// rowKey is the record's key as Sheet.Groups compares it: key cells as written, joined by
// a tab (no allocation for a single key column).
func (st *checkSheet) rowKey(r int) string {
	return keyOf(st.l, cellsOf(st.s, r))
}

func keyOf(l *checkLayout, cells []string) string {
	if len(l.keys) == 1 {
		return rowCell(cells, l.keys[0])
	}
	var b strings.Builder
	for i, k := range l.keys {
		if i > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(rowCell(cells, k))
	}
	return b.String()
}

// sameColumns reports whether the sheet still has the columns its layout was made for.
func (st *checkSheet) sameColumns() bool {
	if len(st.s.Columns) != len(st.l.cols) {
		return false
	}
	for i, c := range st.s.Columns {
		if c.Header != st.l.cols[i].header || c.Spec != st.l.cols[i].spec {
			return false
		}
	}
	return true
}

func (st *checkSheet) isStart(r int) bool {
	return st.start == nil || st.start[r]
}

// groupAt returns the group [start, end) holding record r.
func (st *checkSheet) groupAt(r int) (int, int) {
	start, end := r, r+1
	for start > 0 && !st.isStart(start) {
		start--
	}
	for end < st.n && !st.isStart(end) {
		end++
	}
	return start, end
}

// window is the records whose own findings an edit of changed can alter: the records
// themselves and, in a group object, the record after each (it may become or stop being
// a child row).
func (st *checkSheet) window(changed []int) []int {
	if !st.l.group {
		return changed
	}
	w := make([]int, 0, 2*len(changed))
	for _, r := range changed {
		w = append(w, r)
		if r+1 < st.n {
			w = append(w, r+1)
		}
	}
	slices.Sort(w)
	return slices.Compact(w)
}

// groupStarts returns the first records of the groups holding the window's records and,
// in a group object, the records before them (a group ending just above can merge).
func (st *checkSheet) groupStarts(window []int) []int {
	var out []int
	for _, r := range window {
		out = append(out, r)
		if st.l.group && r > 0 {
			out = append(out, r-1)
		}
	}
	for i, r := range out {
		out[i], _ = st.groupAt(r)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// rekey re-indexes the keys of changed records and the group starts of the window, then
// recomputes the duplicate findings of every key that gained or lost an occurrence.
func (st *checkSheet) rekey(changed, window []int) {
	affected := map[string]bool{}
	for _, r := range window {
		if st.isStart(r) {
			st.occRemove(st.keys[r], int32(r))
			affected[namekey.Key(st.keys[r])] = true
		}
	}
	for _, r := range changed {
		st.keys[r] = st.rowKey(r)
	}
	for _, r := range window {
		if st.l.group {
			st.start[r] = r == 0 || st.keys[r] != st.keys[r-1]
		}
		if st.isStart(r) {
			st.occAdd(st.keys[r], int32(r))
			affected[namekey.Key(st.keys[r])] = true
		}
	}
	for k := range affected {
		st.checkDups(k)
	}
}

// blankKey: a record without a key is reported as missing its key, not as a duplicate of
// every other one, and is not indexed (thousands of blank keys would make each edit slow).
func blankKey(k string) bool { return strings.Trim(k, " \t") == "" }

// occAdd indexes record r under its key as the organization compares names
// (namekey.Key): "Zoë" in NFC and in NFD, or "Team" and "TEAM", are one name to it.
func (st *checkSheet) occAdd(k string, r int32) {
	if blankKey(k) {
		return
	}
	k = namekey.Key(k)
	if m, ok := st.more[k]; ok {
		i, _ := slices.BinarySearch(m, r)
		m = slices.Insert(m, i, r)
		st.more[k], st.first[k] = m, m[0]
		return
	}
	if f, ok := st.first[k]; ok {
		m := []int32{f, r}
		slices.Sort(m)
		st.more[k], st.first[k] = m, m[0]
		return
	}
	st.first[k] = r
}

func (st *checkSheet) occRemove(k string, r int32) {
	st.setDup(r, nil)
	if blankKey(k) {
		return
	}
	k = namekey.Key(k)
	if m, ok := st.more[k]; ok {
		if i, found := slices.BinarySearch(m, r); found {
			m = slices.Delete(m, i, i+1)
		}
		if len(m) == 1 {
			delete(st.more, k)
		} else {
			st.more[k] = m
		}
		st.first[k] = m[0]
		return
	}
	if st.first[k] == r {
		delete(st.first, k)
	}
}

// checkDups sets the duplicate findings of one key (as namekey.Key gives it): on every row that has it, the
// first naming the second, each later one naming the first.
func (st *checkSheet) checkDups(k string) {
	m, ok := st.more[k]
	if !ok {
		if f, ok := st.first[k]; ok {
			st.setDup(f, nil)
		}
		return
	}
	for i, r := range m {
		if st.noDups {
			st.setDup(r, nil)
			continue
		}
		other := m[0]
		if i == 0 {
			other = m[1]
		}
		f := dupFinding(st.s.File, st.l, int(r), cellsOf(st.s, int(r)), int(other))
		st.setDup(r, &f)
	}
}

func (st *checkSheet) checkAllDups() {
	for k := range st.more {
		st.checkDups(k)
	}
}

// resize updates the encoded size of a record.
func (st *checkSheet) resize(r int) {
	b := packRecordLen(cellsOf(st.s, r), st.ncols)
	st.total += int64(b) - int64(st.bytes[r])
	st.bytes[r] = int32(min(b, 1<<31-1))
}

func (st *checkSheet) checkGroup(start int, lim Limits) {
	_, end := st.groupAt(start)
	bytes := st.header // a group must fit in a file with its header, as Pack plans it
	for r := start; r < end; r++ {
		bytes += int64(st.bytes[r])
	}
	if len(st.l.seq) == 0 && (lim.MaxRecords <= 0 || end-start <= lim.MaxRecords) && (lim.MaxBytes <= 0 || bytes <= lim.MaxBytes) {
		st.setGroup(start, nil)
		return
	}
	st.setGroup(start, groupFindings(st.s.File, st.l, func(r int) []string { return cellsOf(st.s, r) }, start, end, bytes, lim))
}

func (st *checkSheet) checkSize(lim Limits) {
	old := st.size
	st.count(old, -1)
	st.size = sizeFindings(st.s.File, st.n, st.total, lim, false)
	st.count(st.size, 1)
}

// The setters below keep errs and warns current as findings come and go.

func (st *checkSheet) setRow(r int, fs []Finding) {
	st.count(st.rows[r], -1)
	st.rows[r] = fs
	st.count(fs, 1)
}

func (st *checkSheet) setGroup(start int, fs []Finding) {
	st.count(st.groups[int32(start)], -1)
	if len(fs) == 0 {
		delete(st.groups, int32(start))
		return
	}
	st.groups[int32(start)] = fs
	st.count(fs, 1)
}

func (st *checkSheet) setDup(r int32, f *Finding) {
	if old, ok := st.dup[r]; ok {
		st.count([]Finding{old}, -1)
		delete(st.dup, r)
	}
	if f != nil {
		st.dup[r] = *f
		st.count([]Finding{*f}, 1)
	}
}

func (st *checkSheet) setCols(fs []Finding) {
	st.count(st.cols, -1)
	st.cols = fs
	st.count(fs, 1)
}

func (st *checkSheet) count(fs []Finding, sign int) {
	for _, f := range fs {
		if f.Severity == Error {
			st.errs += sign
		} else {
			st.warns += sign
		}
	}
}

// appendAll appends every current finding of the sheet, unsorted.
func (st *checkSheet) appendAll(fs []Finding) []Finding {
	fs = append(fs, st.cols...)
	fs = append(fs, st.size...)
	for _, rf := range st.rows {
		fs = append(fs, rf...)
	}
	for _, f := range st.dup {
		fs = append(fs, f)
	}
	for _, g := range st.groups {
		fs = append(fs, g...)
	}
	return fs
}
