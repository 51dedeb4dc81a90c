package sheets

import (
	"github.com/bulkops/bulkops/internal/i18n"

	"slices"
)

// Checker keeps the findings of a set of sheets current while they are edited, for the
// grid editor: after an edit it rechecks only the edited rows and what they can affect —
// duplicates of their old and new keys, their parent/child group, the size of their file,
// and rows of any open sheet that refer to names they defined or now define. Its findings
// are always exactly those Validate returns for the sheets as they are.
//
// A Checker is not safe for concurrent use; the editor calls it from one goroutine.
type Checker struct {
	known  Known
	lim    Limits
	sheets []*checkSheet
	byPtr  map[*Sheet]*checkSheet
	types  map[string]*refType
	revs   bool // some type has a reverse index (refType.rev)
	// rechecked counts rows checked, so tests can tell an update stayed local.
	rechecked int
}

// NewChecker checks a set of sheets given together (see Validate).
func NewChecker(set []*Sheet, known Known) *Checker {
	return newChecker(set, known, DefaultLimits)
}

func newChecker(set []*Sheet, known Known, lim Limits) *Checker {
	c := &Checker{known: known, lim: lim}
	c.build(set)
	return c
}

// build checks everything from scratch: names first (references across sheets need all of
// them), then every sheet.
func (c *Checker) build(set []*Sheet) {
	c.sheets, c.byPtr, c.types, c.revs = nil, map[*Sheet]*checkSheet{}, map[string]*refType{}, false
	for _, s := range set {
		if s == nil || c.byPtr[s] != nil {
			continue
		}
		st := &checkSheet{idx: int32(len(c.sheets)), s: s}
		c.sheets = append(c.sheets, st)
		c.byPtr[s] = st
		if s.Object != nil {
			st.l = newCheckLayout(s)
		}
	}
	c.makeTypes()
	for _, st := range c.sheets {
		c.load(st, nil)
	}
	for _, st := range c.sheets {
		c.checkAll(st)
	}
}

// Findings returns all current findings, sorted by file, row and column.
func (c *Checker) Findings() []Finding {
	var fs []Finding
	for _, st := range c.sheets {
		fs = st.appendAll(fs)
	}
	sortFindings(fs)
	return fs
}

// Sheet returns the findings of one sheet, sorted.
func (c *Checker) Sheet(s *Sheet) []Finding {
	st := c.byPtr[s]
	if st == nil {
		return nil
	}
	fs := st.appendAll(nil)
	sortFindings(fs)
	return fs
}

// At returns the findings on one cell: row is the record index (0-based), col the column
// index, or -1 for the findings about the row as a whole.
func (c *Checker) At(s *Sheet, row, col int) []Finding {
	st := c.byPtr[s]
	if st == nil || row < 0 || row >= st.n {
		return nil
	}
	var fs []Finding
	want := func(f Finding) {
		if f.Row == RowNumber(row) && f.Col == col {
			fs = append(fs, f)
		}
	}
	for _, f := range st.rows[row] {
		want(f)
	}
	if f, ok := st.dup[int32(row)]; ok {
		want(f)
	}
	if st.l != nil {
		start, _ := st.groupAt(row)
		for _, f := range st.groups[int32(start)] {
			want(f)
		}
	}
	sortFindings(fs)
	return fs
}

// Counts returns how many errors and warnings a sheet has.
func (c *Checker) Counts(s *Sheet) (errors, warnings int) {
	if st := c.byPtr[s]; st != nil {
		return st.errs, st.warns
	}
	return 0, 0
}

// SetKnown replaces the organization's names (after connecting, or a refresh) and
// rechecks.
func (c *Checker) SetKnown(k Known) {
	c.known = k
	c.build(c.sheetList())
}

// Reset rechecks a sheet fully, after rows were inserted, deleted or sorted or columns
// changed. A sheet the checker does not hold yet joins the set.
func (c *Checker) Reset(s *Sheet) {
	st := c.byPtr[s]
	if st == nil {
		c.build(append(c.sheetList(), s))
		return
	}
	if s.Object == nil || st.l == nil || s.Object != st.l.obj || !c.sameRefTypes(st, newCheckLayout(s)) {
		c.build(c.sheetList())
		return
	}
	ev := nameEvents{}
	c.unload(st, ev)
	st.l = newCheckLayout(s)
	c.load(st, ev)
	c.checkAll(st)
	c.applyEvents(ev)
}

// Update rechecks after cells of the given records (0-based) changed, in time
// proportional to the rows changed and what they affect, not to the sheet. When rows or
// columns changed since the last check it falls back to Reset (so does a sheet the
// checker does not hold yet, which joins the set).
func (c *Checker) Update(s *Sheet, rows ...int) {
	st := c.byPtr[s]
	if st == nil || st.l == nil || len(s.Rows) != st.n || !st.sameColumns() {
		c.Reset(s)
		return
	}
	changed := make([]int, 0, len(rows))
	for _, r := range rows {
		if r >= 0 && r < st.n {
			changed = append(changed, r)
		}
	}
	slices.Sort(changed)
	changed = slices.Compact(changed)
	if len(changed) == 0 {
		return
	}
	ev := nameEvents{}
	for _, r := range changed {
		c.renameRow(st, r, ev)
	}
	window := st.window(changed)
	oldStarts := st.groupStarts(window)
	st.rekey(changed, window)
	for _, r := range changed {
		st.resize(r)
	}
	for _, r := range window {
		c.recheckRow(st, r)
	}
	for _, g := range oldStarts {
		st.setGroup(g, nil)
	}
	for _, g := range st.groupStarts(window) {
		st.checkGroup(g, c.lim)
	}
	st.checkSize(c.lim)
	c.applyEvents(ev)
}

func (c *Checker) sheetList() []*Sheet {
	out := make([]*Sheet, len(c.sheets))
	for i, st := range c.sheets {
		out[i] = st.s
	}
	return out
}

// checkAll computes every finding of a loaded sheet.
func (c *Checker) checkAll(st *checkSheet) {
	if st.l == nil {
		st.setCols([]Finding{NewFinding(st.s.File, 0, -1, "", Error,
			i18n.M("cannot tell which object type this sheet holds: its header matches none"))})
		return
	}
	st.setCols(columnFindings(st.s, st.l))
	for r := 0; r < st.n; r++ {
		c.recheckRow(st, r)
	}
	for r := 0; r < st.n; r++ {
		if st.isStart(r) {
			st.checkGroup(r, c.lim)
		}
	}
	st.checkAllDups()
	st.checkSize(c.lim)
}

// recheckRow recomputes the row's own findings and its unresolved references.
func (c *Checker) recheckRow(st *checkSheet, r int) {
	c.rechecked++
	o := checkRow(st.l, st.s.File, r, cellsOf(st.s, r), !st.isStart(r), c)
	if r < len(st.s.Rows) && st.s.Rows[r].Numbers != nil {
		numberFindings(&o, st.l, st.s.Rows[r], cellsOf(st.s, r))
	}
	st.setRow(r, o.out)
	c.trackUnresolved(st, r, o.unresolved)
	c.trackRefs(st, r)
}
