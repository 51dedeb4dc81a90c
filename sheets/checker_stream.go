package sheets

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/internal/namekey"
)

// The streaming check gives the findings Validate gives for the same files, reading each
// file as a stream instead of holding it: each record is checked as it is read, a
// parent/child group when it ends, and the file's size at its end. What it keeps is
// bounded by the cap on findings, one group's rows, and a hash of each record's key (for
// duplicates, in memory up to a bound and on disk past it: see dupIndex; a hash seen
// twice is confirmed exactly by reading the file once more).
// References to other sheets of the set need those sheets' names first: the sheets of a
// referenced type are read once for their names before the check.

// Source opens a file as a stream. A check may open a source more than once.
type Source func() (RowStream, error)

// FileSource is the Source of a file (see OpenRows).
func FileSource(path string, opt ReadOptions) Source {
	return func() (RowStream, error) { return OpenRows(path, opt) }
}

// CheckOptions steer a streaming check.
type CheckOptions struct {
	Known  Known  // the organization's names, as for Validate
	Limits Limits // of one Control Hub file; zero means DefaultLimits
	// Cap is how many findings are kept per file and column; the rest are counted
	// (Report.More). 0 keeps every finding.
	Cap int
}

// Report is what a streaming check found.
type Report struct {
	Findings []Finding // the findings kept, sorted as Validate sorts them
	More     []More    // the findings left out by the cap, counted per file and column
	Errors   int       // errors found, kept or not
	Warnings int       // warnings found, kept or not
	Records  []int     // records read, per source
}

// More counts the findings of one file and column left out of a report.
type More struct {
	File, Column string
	Count        int
}

// String reads "FILE: … and 999,950 more in column Name".
func (m More) String() string { return m.Text().String() }

// Text is String as a message, to show it in another language.
func (m More) Text() i18n.Msg {
	if m.Column != "" {
		return i18n.M("%s: … and %s more in column %s", m.File, thousands(m.Count), m.Column)
	}
	return i18n.M("%s: … and %s more about whole rows", m.File, thousands(m.Count))
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// CheckFiles checks a set of files given together, as Validate checks the sheets read
// from them, streaming each. A file with no records is an error here: there is nothing
// in it to upload, and pack refuses it. err is a file that could not be read.
func CheckFiles(srcs []Source, opt CheckOptions) (*Report, error) {
	return checkStreams(srcs, opt, nil)
}

// streamSet is the state of one streaming check of a set of files.
type streamSet struct {
	c    *Checker // reference types and names (its sheets hold headers only)
	srcs []Source
	open []RowStream // each source's stream, opened for its header
	sink *findingSink
	lim  Limits
}

// groupHook gets a group the check has read (see checkStreams), the sheet's header, how
// many errors the check has found so far, and the mark of its last row. A hook owns the
// rows' slabs (see slabPool): it releases the mark once it is done with the rows, or
// never, and keeps no cell of them past the release.
type groupHook func(h *Sheet, rows []Row, size int64, errs int, last slabMark)

// checkStreams runs the check; onGroup, when given, gets each parent/child group (or
// record) of the first source as soon as it is checked, for the packer.
func checkStreams(srcs []Source, opt CheckOptions, onGroup groupHook) (*Report, error) {
	if opt.Limits == (Limits{}) {
		opt.Limits = DefaultLimits
	}
	ss := &streamSet{srcs: srcs, sink: &findingSink{cap: opt.Cap}, lim: opt.Limits,
		c: &Checker{known: opt.Known, lim: opt.Limits, byPtr: map[*Sheet]*checkSheet{}, types: map[string]*refType{}}}
	defer func() { closeAll(slices.DeleteFunc(ss.open, func(r RowStream) bool { return r == nil })) }()
	for i, src := range srcs {
		rs, err := src()
		if err != nil {
			return nil, err
		}
		ss.open = append(ss.open, rs)
		h := rs.Header()
		st := &checkSheet{idx: int32(i), s: h, l: newCheckLayout(h), ncols: len(h.Columns)}
		ss.c.sheets = append(ss.c.sheets, st)
	}
	ss.c.makeTypes()
	if err := ss.loadNames(); err != nil {
		return nil, err
	}
	rep := &Report{}
	for i, st := range ss.c.sheets {
		g := onGroup
		if i > 0 {
			g = nil
		}
		n, err := ss.checkSheet(i, st, g)
		if err != nil {
			return nil, err
		}
		rep.Records = append(rep.Records, n)
	}
	ss.sink.report(rep)
	return rep, nil
}

// loadNames reads the names that the sheets of referenced types define.
func (ss *streamSet) loadNames() error {
	for i, st := range ss.c.sheets {
		t := ss.c.definedType(st)
		if t == nil {
			continue
		}
		rs := ss.open[i]
		for rs.Next() {
			for _, nm := range namesOf(st.l, rs.Row().Cells) {
				t.addName(nm, 1, nil)
			}
		}
		err := rs.Err()
		rs.Close()
		ss.open[i] = nil
		if err != nil {
			return err
		}
	}
	return nil
}

// checkSheet checks one source's records, then confirms its duplicate keys.
func (ss *streamSet) checkSheet(i int, st *checkSheet, onGroup groupHook) (int, error) {
	rs, err := ss.reopen(i)
	if err != nil {
		return 0, err
	}
	k := &rowChecker{st: st, c: ss.c, lim: ss.lim, sink: ss.sink, onGroup: onGroup,
		header: int64(packRecordLen(st.s.Headers(), st.ncols)),
		dups:   newDupIndex(len(st.l.keys) == 0 || slices.Contains(st.l.keys, -1))}
	defer k.dups.release() // a check that ends early leaves no spilled keys behind
	ss.sink.add(columnFindings(st.s, st.l)...)
	k.startStages()
	defer k.stages.close()
	feed := k.stages
	recycling := onGroup != nil && recycle(rs) // the hook owes the stream its releases
	for rs.Next() {
		var mark slabMark
		if recycling {
			mark = markOf(rs)
		}
		feed.add(rs.Row(), rs.Decoded(), mark)
	}
	err = rs.Err()
	rs.Close()
	ss.open[i] = nil
	if err != nil {
		k.stages.close() // the second stage counts k.n: it must be done before k.n is read
		return k.n, err
	}
	k.stages.send()
	dups, err := k.dups.seal() // while the second stage checks the last records
	k.stages.close()
	k.end()
	if err != nil {
		return k.n, i18n.Errorf("%s: checking for duplicate keys: %w", st.s.File, err)
	}
	if dups {
		if rs, err = ss.srcs[i](); err != nil {
			return k.n, err
		}
		defer rs.Close()
		if err := k.confirmDups(rs); err != nil {
			return k.n, err
		}
	}
	return k.n, nil
}

func (ss *streamSet) reopen(i int) (RowStream, error) {
	if ss.open[i] != nil {
		return ss.open[i], nil
	}
	rs, err := ss.srcs[i]()
	ss.open[i] = rs
	return rs, err
}

// rowChecker checks the records of one sheet as they come.
type rowChecker struct {
	st      *checkSheet // the header and layout; holds no rows
	c       *Checker
	lim     Limits
	sink    *findingSink
	onGroup groupHook
	header  int64
	n       int      // records so far
	total   int64    // CSV bytes of the records so far
	group   []Row    // the rows of the group being read
	gmark   slabMark // its last row's mark, for the hook to release (see groupHook)
	gstart  int
	gsize   int64
	dups    *dupIndex
	stages  *stages // the two goroutines the check runs on (see checker_stages.go)
}

// check is the second stage: it checks one record, in order.
func (k *rowChecker) check(sr *stagedRow) {
	l, r, row := k.st.l, k.n, sr.row
	if sr.start {
		if r > 0 {
			k.endGroup()
		}
		k.gstart = r
	}
	if l.decoded != sr.dec { // the layout is read on the other core: write it only on a change
		l.decoded = sr.dec
	}
	o := checkRow(l, k.st.s.File, r, row.Cells, !sr.start, k.c)
	if row.Numbers != nil {
		numberFindings(&o, l, row, row.Cells)
	}
	k.sink.add(o.out...)
	k.total += sr.size
	k.gsize += sr.size
	k.group = append(k.group, row)
	k.gmark = sr.mark
	k.n++
}

// endGroup checks the group just read, as Checker.checkGroup does, and hands it on.
func (k *rowChecker) endGroup() {
	l, end, bytes := k.st.l, k.gstart+len(k.group), k.header+k.gsize
	if len(l.seq) > 0 || (k.lim.MaxRecords > 0 && len(k.group) > k.lim.MaxRecords) || (k.lim.MaxBytes > 0 && bytes > k.lim.MaxBytes) {
		cells := func(r int) []string { return k.group[r-k.gstart].Cells }
		k.sink.add(groupFindings(k.st.s.File, l, cells, k.gstart, end, bytes, k.lim)...)
	}
	if k.onGroup != nil {
		k.onGroup(k.st.s, k.group, k.gsize, k.sink.errs, k.gmark)
	}
	k.group, k.gsize = k.group[:0], 0
}

func (k *rowChecker) end() {
	if k.n > 0 {
		k.endGroup()
	}
	file := k.st.s.File
	k.sink.add(sizeFindings(file, k.n, k.header+k.total, k.lim, false)...)
	if k.n == 0 {
		k.sink.add(NewFinding(file, 0, -1, "", Error,
			i18n.M("the file has no records, only the header row: there is nothing to upload")))
	}
}

// confirmDups reads the sheet again and reports the records whose key truly repeats an
// earlier record's, among those whose key hash was seen twice: the first record with the
// key naming the second, each later one naming the first, as Validate reports them.
func (k *rowChecker) confirmDups(rs RowStream) error {
	type first struct {
		row   int32
		cells []string // its key as written: a later record may spell the name otherwise
		named bool     // its finding, naming the second record with the key, is made
	}
	firstOf := map[string]*first{}
	file, l := k.st.s.File, k.st.l
	var prev string
	for r := int32(0); rs.Next(); r++ {
		cells := rs.Row().Cells
		key := keyOf(l, cells)
		start := !l.group || r == 0 || key != prev // a group's first record, as add sees it
		prev = key
		if !start {
			continue
		}
		if key = namekey.Key(key); !k.dups.has(key) {
			continue
		}
		f, ok := firstOf[key]
		if !ok {
			firstOf[strings.Clone(key)] = &first{row: r, cells: slices.Clone(cells)}
			continue
		}
		if !f.named {
			k.sink.add(dupFinding(file, l, int(f.row), f.cells, int(r)))
			f.named = true
		}
		k.sink.add(dupFinding(file, l, int(r), cells, int(f.row)))
	}
	return rs.Err()
}

// findingSink keeps findings up to a cap per file and column and counts the rest.
type findingSink struct {
	cap         int
	kept, more  map[capKey]int
	out         []Finding
	errs, warns int
}

type capKey struct{ file, column string }

func (s *findingSink) add(fs ...Finding) {
	for _, f := range fs {
		if f.Severity == Error {
			s.errs++
		} else {
			s.warns++
		}
		if s.cap > 0 {
			if s.kept == nil {
				s.kept, s.more = map[capKey]int{}, map[capKey]int{}
			}
			k := capKey{f.File, f.Column}
			if s.kept[k] >= s.cap {
				s.more[k]++
				continue
			}
			s.kept[k]++
		}
		f.Text = f.Text.Detached() // its values may be cut from slabs a pack writes over
		s.out = append(s.out, f)
	}
}

func (s *findingSink) report(rep *Report) {
	sortFindings(s.out)
	rep.Findings, rep.Errors, rep.Warnings = s.out, s.errs, s.warns
	for k, n := range s.more {
		rep.More = append(rep.More, More{File: k.file, Column: k.column, Count: n})
	}
	slices.SortFunc(rep.More, func(a, b More) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return strings.Compare(a.Column, b.Column)
	})
}
