package jobs

import (
	"slices"
	"strconv"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// A WorkbookDraft is a workbook job before it is submitted: sheets of several object
// types (a workbook as bulkops export --all writes it, or several files) cut into
// steps, each a Draft of one type made by BuildDraft, in the order their references
// require. The window and the command line build it (BuildWorkbook), check it against
// the organization (Check), show its steps' previews, then submit it whole
// (Engine.SubmitWorkbook): one job on the dashboard, a child job per step.
//
// The order: deletes first, in reverse dependency order (a team goes before the site
// it names); then the creates and updates of each type in catalog.DependencyOrder (a
// site before the teams that name it), whatever order the sheets had; then, where the
// catalog's references form a cycle (desktop layouts name teams, teams name desktop
// layouts), a second pass of the type that went first with the column it could not
// fill yet (Late).
type WorkbookDraft struct {
	Name  string // the job's file name on the dashboard
	Steps []*WorkbookStep
	// Late are the references the second pass fills (catalog.DependencyOrder's).
	Late []catalog.LateRef
	// NotCopyable are the records the organization cannot take, found by Check: a
	// user it does not have, a reference to an audio file it does not have. The job
	// fails them with the reason the plan gives.
	NotCopyable []NotCopyable
	// Origin is the organization the workbook was exported from, when it says
	// (sheets.Origin); CopyFrom compares it with the one it is submitted to.
	Origin *sheets.Origin

	api API // the organization Check read, whose rate limit times the whole job
}

// CopyFrom is the organization the workbook was exported from when that is not
// orgID, the one it is about to be submitted to: a copy between organizations, which
// the wrong-organization guard names before anything is sent. nil for a workbook of
// orgID's own export, or one that does not say where it came from.
func (wd *WorkbookDraft) CopyFrom(orgID string) *sheets.Origin {
	return copyFrom(wd.Origin, orgID)
}

// CopyFrom is WorkbookDraft.CopyFrom of a draft of one type: its sheets' Origin (a
// single-type export to .xlsx records one too) when that is not orgID.
func (d *Draft) CopyFrom(orgID string) *sheets.Origin {
	for _, s := range d.Sheets {
		if from := copyFrom(s.Origin, orgID); from != nil {
			return from
		}
	}
	return nil
}

func copyFrom(o *sheets.Origin, orgID string) *sheets.Origin {
	if o == nil || o.OrgID == orgID {
		return nil
	}
	return o
}

// StepKind is what a step of a workbook job does.
type StepKind int

const (
	StepWrite StepKind = iota // creates and updates of a type
	StepDelete
	StepLate // the second pass: fills the references a cycle left blank
)

// WorkbookStep is one step of a workbook job: a type's deletes, its creates and
// updates, or its second pass.
type WorkbookStep struct {
	Kind  StepKind
	Draft *Draft
	// Pending are the keys (the name, then the other key columns: a team's site), by
	// type key, of the records the steps before this one write, which its plan takes
	// as existing (Check).
	Pending map[string][][]string
}

// Object is the step's object type.
func (s *WorkbookStep) Object() *catalog.Object { return s.Draft.Object }

// WorkbookSource is what a workbook draft is built of.
type WorkbookSource struct {
	// Sheets are the sheets as read (sheets.ReadWorkbook, or a file each), of any types
	// and in any order; sheets without records are left out.
	Sheets []*sheets.Sheet
	Name   string // the job's file name
}

// BuildWorkbook cuts the sheets into steps and builds each step's draft (BuildDraft:
// its findings, its package). It needs no network. A step whose sheet has errors of
// its own blocks the whole (Err).
func BuildWorkbook(src WorkbookSource) (*WorkbookDraft, error) {
	byType := map[*catalog.Object][]*sheets.Sheet{}
	var objs []*catalog.Object
	var origin *sheets.Origin
	for _, sh := range src.Sheets {
		if sh.Object == nil {
			return nil, i18n.Errorf("%s: the object type of the sheet is unknown", sh.File)
		}
		if len(sh.Rows) == 0 {
			continue
		}
		if byType[sh.Object] == nil {
			objs = append(objs, sh.Object)
		}
		if origin == nil {
			origin = sh.Origin
		}
		byType[sh.Object] = append(byType[sh.Object], sh)
	}
	if len(objs) == 0 {
		return nil, i18n.Errorf("%s: no sheet holds records", src.Name)
	}
	order, late := catalog.DependencyOrder(objs)
	wd := &WorkbookDraft{Name: src.Name, Late: late, Origin: origin}
	add := func(kind StepKind, set []*sheets.Sheet) error {
		if len(set) == 0 {
			return nil
		}
		d, err := BuildDraft(DraftSource{Sheets: set, Name: src.Name, Base: set[0].Object.Key})
		if err != nil {
			return err
		}
		wd.Steps = append(wd.Steps, &WorkbookStep{Kind: kind, Draft: d})
		return nil
	}
	for _, o := range slices.Backward(order) {
		if err := add(StepDelete, cut(byType[o], true, nil)); err != nil {
			return nil, err
		}
	}
	for _, o := range order {
		if err := add(StepWrite, cut(byType[o], false, lateOf(late, o.Key))); err != nil {
			return nil, err
		}
	}
	for _, o := range order {
		if cols := lateOf(late, o.Key); len(cols) > 0 {
			if err := add(StepLate, secondPass(byType[o], cols)); err != nil {
				return nil, err
			}
		}
	}
	return wd, nil
}

// lateOf are the headers of type key's late references.
func lateOf(late []catalog.LateRef, key string) []string {
	var cols []string
	for _, l := range late {
		if l.From == key {
			cols = append(cols, l.Column)
		}
	}
	return cols
}

// cut returns the sheets with only the records marked for deletion (deletes), or only
// the others, with the columns blank cleared (a blank keeps the organization's value,
// and a create leaves it unset); a sheet left without records is dropped. A sheet with
// nothing to cut is kept as it is, so its findings name its own rows.
func cut(set []*sheets.Sheet, deletes bool, blank []string) []*sheets.Sheet {
	var out []*sheets.Sheet
	for _, sh := range set {
		act := actionColumn(headers(sh))
		blanks := columnsOf(sh, blank)
		if act < 0 && deletes {
			continue
		}
		if (act < 0 || allMarked(sh, act, !deletes)) && len(blanks) == 0 {
			out = append(out, sh)
			continue
		}
		part := *sh
		part.Rows = nil
		for _, g := range sh.Groups() {
			if act >= 0 && marked(sh.Rows[g[0]], act) != deletes {
				continue
			}
			for _, r := range sh.Rows[g[0]:g[1]] {
				r.Cells = slices.Clone(r.Cells)
				for _, i := range blanks {
					r.Cells[i] = ""
				}
				part.Rows = append(part.Rows, r)
			}
		}
		if len(part.Rows) > 0 {
			out = append(out, &part)
		}
	}
	return out
}

// secondPass returns the records of set (not marked for deletion) that fill one of the
// late columns, whole: when its turn comes the record exists, and the pass updates it
// with the references the first pass left blank.
func secondPass(set []*sheets.Sheet, late []string) []*sheets.Sheet {
	var out []*sheets.Sheet
	for _, sh := range cut(set, false, nil) {
		cols := columnsOf(sh, late)
		part := *sh
		part.Rows = nil
		for _, g := range sh.Groups() {
			if slices.ContainsFunc(cols, func(i int) bool { return sh.Rows[g[0]].Cells[i] != "" }) {
				part.Rows = append(part.Rows, sh.Rows[g[0]:g[1]]...)
			}
		}
		if len(part.Rows) > 0 {
			out = append(out, &part)
		}
	}
	return out
}

func headers(sh *sheets.Sheet) []string {
	h := make([]string, len(sh.Columns))
	for i, c := range sh.Columns {
		h[i] = c.Header
	}
	return h
}

// columnsOf are the indexes of the sheet's columns whose catalog header is one of hs.
func columnsOf(sh *sheets.Sheet, hs []string) []int {
	var out []int
	for i, c := range sh.Columns {
		if c.Spec != nil && slices.Contains(hs, c.Spec.Header) {
			out = append(out, i)
		}
	}
	return out
}

func marked(r sheets.Row, act int) bool {
	return act < len(r.Cells) && strings.EqualFold(strings.TrimSpace(r.Cells[act]), DeleteMark)
}

// allMarked reports whether every row of sh is (want true) or is not marked for deletion.
func allMarked(sh *sheets.Sheet, act int, notMarked bool) bool {
	for _, r := range sh.Rows {
		if marked(r, act) == notMarked {
			return false
		}
	}
	return true
}

// keysOf are the keys (every key column's value, the name first) of the records of
// the step's sheets that its plan creates (that it does not fail, when it was not
// planned): what the steps after it may name that the organization does not have yet.
// A record the organization has already is left out: added again, a team the
// organization has at its site was named twice, and every reference to it ambiguous.
func keysOf(st *WorkbookStep) [][]string {
	failing, creates := map[string]bool{}, map[string]bool{}
	for _, f := range st.Draft.Preview.Org {
		failing[f.File+"\t"+strconv.Itoa(f.Row)] = true
	}
	for _, p := range st.Draft.Preview.Plan {
		if p.Action == ActCreate {
			creates[p.File+"\t"+strconv.Itoa(p.Row)] = true
		}
	}
	counted := st.Draft.Preview.Counted
	o := st.Object()
	var out [][]string
	for _, sh := range st.Draft.Sheets {
		idx := keyIndexes(sh, o)
		if idx == nil {
			continue
		}
		for _, g := range sh.Groups() {
			at := sh.File + "\t" + strconv.Itoa(sheets.RowNumber(g[0]))
			if failing[at] || counted && !creates[at] {
				continue
			}
			key := make([]string, len(idx))
			for i, c := range idx {
				key[i] = strings.TrimSpace(sh.Rows[g[0]].Cells[c])
			}
			if key[0] != "" {
				out = append(out, key)
			}
		}
	}
	return out
}

// keyIndexes are the indexes of the sheet's key columns, in the catalog's order; nil
// when it lacks one.
func keyIndexes(sh *sheets.Sheet, o *catalog.Object) []int {
	var out []int
	for _, k := range o.KeyColumns {
		i := slices.IndexFunc(sh.Columns, func(c sheets.Column) bool { return c.Spec != nil && c.Spec.Header == k })
		if i < 0 {
			return nil
		}
		out = append(out, i)
	}
	return out
}

// Err says why the workbook cannot be submitted: the first step whose draft is blocked.
func (wd *WorkbookDraft) Err() error {
	for _, st := range wd.Steps {
		if err := st.Draft.Err(); err != nil {
			return err
		}
	}
	return nil
}

// Findings are the findings of every step's sheets, step by step.
func (wd *WorkbookDraft) Findings() []sheets.Finding {
	var out []sheets.Finding
	for _, st := range wd.Steps {
		if st.Kind != StepLate { // the second pass's rows are the first pass's
			out = append(out, st.Draft.Findings...)
		}
	}
	return out
}

// Types is the number of object types the workbook covers.
func (wd *WorkbookDraft) Types() int {
	seen := map[string]bool{}
	for _, st := range wd.Steps {
		seen[st.Object().Key] = true
	}
	return len(seen)
}

// Rows is the number of rows the job sends, every step's.
func (wd *WorkbookDraft) Rows() int {
	n := 0
	for _, st := range wd.Steps {
		for _, sh := range st.Draft.Sheets {
			n += len(sh.Rows)
		}
	}
	return n
}
