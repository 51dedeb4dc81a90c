package sheets

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// vSet reads the fixtures the checker tests edit.
func vSet(t testing.TB) []*Sheet {
	var set []*Sheet
	for _, f := range []string{"sites.csv", "teams.csv", "users.csv", "queues.csv", "skill_profiles.csv", "multimedia_profiles.csv"} {
		set = append(set, vFixture(t, f))
	}
	return set
}

// vVocabulary gives each column of each sheet the values it already holds plus values
// that provoke findings: blanks, typos, other names — so random edits make and break
// duplicates, groups and references.
func vVocabulary(set []*Sheet) map[*Sheet][][]string {
	extra := []string{"", "", "???", "Sales", "Sale", "Prague", "Praha", "Q Sales", "Q Chat", "Gold", "1", "2", "3",
		"ON", "CAPACITY", "AGENT", "Sales|Support", "Sales: Prague", " Brno", "ann@example.com"}
	voc := map[*Sheet][][]string{}
	for _, s := range set {
		cols := make([][]string, len(s.Columns))
		for c := range s.Columns {
			vals := append([]string(nil), extra...)
			for r := range s.Rows {
				vals = append(vals, s.Cell(r, c))
			}
			cols[c] = vals
		}
		voc[s] = cols
	}
	return voc
}

func vCompare(t *testing.T, step string, c *Checker, set []*Sheet, known Known) {
	t.Helper()
	want := Validate(set, known)
	got := c.Findings()
	if !sameFindings(got, want) {
		vDiff(t, vLines(got), vLines(want))
		t.Fatalf("after %s: the checker's findings differ from a fresh Validate", step)
	}
	for _, s := range set {
		var e, w int
		for _, f := range vOnly(want, baseName(s.File)) {
			if f.Severity == Error {
				e++
			} else {
				w++
			}
		}
		if ge, gw := c.Counts(s); ge != e || gw != w {
			t.Fatalf("after %s: Counts(%s) = %d, %d; want %d, %d", step, s.File, ge, gw, e, w)
		}
	}
}

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' || p[i] == '\\' {
			return p[i+1:]
		}
	}
	return p
}

// TestCheckerMatchesValidate is the property that catches stale findings: after any
// sequence of edits, each followed by Update (or Reset after a structural change), the
// checker holds exactly what a fresh Validate of the sheets finds. One run edits a set of
// related sheets (references, duplicates); another only queues, where edits merge and
// split parent/child groups.
func TestCheckerMatchesValidate(t *testing.T) {
	for seed := uint64(1); seed <= 6; seed++ {
		t.Run(fmt.Sprint("set/seed", seed), func(t *testing.T) { vProperty(t, seed, vSet(t), 150) })
	}
	for seed := uint64(1); seed <= 30; seed++ {
		t.Run(fmt.Sprint("queues/seed", seed), func(t *testing.T) {
			vProperty(t, seed, []*Sheet{vFixture(t, "queues.csv"), vFixture(t, "teams.csv")}, 60)
		})
	}
}

func vProperty(t *testing.T, seed uint64, set []*Sheet, steps int) {
	rng := rand.New(rand.NewPCG(seed, 99))
	voc := vVocabulary(set)
	known := Known{}
	if seed%2 == 0 {
		known = Known{"multimedia_profile": {"Blended MM"}, "skill_definition": {"Spanish", "French"}}
	}
	c := NewChecker(set, known)
	vCompare(t, "start", c, set, known)
	for step := 0; step < steps; step++ {
		s := set[rng.IntN(len(set))]
		what := ""
		switch k := rng.IntN(20); {
		case k < 16 && len(s.Rows) > 0:
			var rows []int
			for n := 1 + rng.IntN(3); n > 0; n-- {
				r, col := rng.IntN(len(s.Rows)), rng.IntN(len(s.Columns))
				for len(s.Rows[r].Cells) <= col {
					s.Rows[r].Cells = append(s.Rows[r].Cells, "")
				}
				vals := voc[s][col]
				s.Rows[r].Cells[col] = vals[rng.IntN(len(vals))]
				rows = append(rows, r)
				what += fmt.Sprintf(" %s[%d][%d]=%q", baseName(s.File), r, col, s.Rows[r].Cells[col])
			}
			c.Update(s, rows...)
		case k < 18:
			n := len(s.Rows)
			structural(rng, s)
			if rng.IntN(2) == 0 || len(s.Rows) != n {
				c.Reset(s) // or Update noticing the new row count falls back to it
				if rng.IntN(2) == 0 {
					c.Update(s, 0)
				}
			} else {
				all := make([]int, n)
				for i := range all {
					all[i] = i
				}
				c.Update(s, all...) // rows moved: every row's cells changed
			}
			what = " structural change of " + baseName(s.File)
		case k < 19:
			known = Known{"site": {"Prague", "Olomouc"}, "team": {"Night"}}
			if rng.IntN(2) == 0 {
				known = nil
			}
			c.SetKnown(known)
			what = " SetKnown"
		default:
			if len(set) < 8 && rng.IntN(2) == 0 {
				extra := vFixture(t, "sites.csv") // a sheet opened later joins the set
				extra.File = fmt.Sprintf("more-sites-%d.csv", step)
				set = append(set, extra)
				voc[extra] = vVocabulary([]*Sheet{extra})[extra]
				c.Reset(extra)
				what = " new sheet " + extra.File
			} else {
				c.Update(s, -1, len(s.Rows)+5) // nothing changed (and rows out of range)
			}
		}
		vCompare(t, fmt.Sprintf("step %d:%s", step, what), c, set, known)
	}
}

// structural inserts, deletes or swaps rows.
func structural(rng *rand.Rand, s *Sheet) {
	n := len(s.Rows)
	switch k := rng.IntN(7); {
	case k == 6:
		c := rng.IntN(len(s.Columns)) // a column renamed into one the catalog does not know
		s.Columns[c] = Column{Header: "Note " + s.Columns[c].Header}
	case k == 0 && n > 0:
		r := rng.IntN(n)
		row := Row{Cells: append([]string(nil), s.Rows[r].Cells...)}
		s.Rows = slices.Insert(s.Rows, rng.IntN(n+1), row)
	case k == 1 && n > 1:
		r := rng.IntN(n)
		s.Rows = slices.Delete(s.Rows, r, r+1)
	case n > 1:
		a, b := rng.IntN(n), rng.IntN(n)
		s.Rows[a], s.Rows[b] = s.Rows[b], s.Rows[a]
	}
}

// TestCheckerUpdateIsLocal: an edit rechecks the rows it changed and what they affect, not
// the sheet — here one row of 5000 users and a site rename that 5000 users refer to
// rechecks only the rows whose references change.
func TestCheckerUpdateIsLocal(t *testing.T) {
	users := vUsers(t, 5000)
	sites := vSheet(t, "site", "sites.csv", []string{"Name", "Multimedia Profile"},
		[]string{"Prague", "MM"}, []string{"Brno", "MM"}, []string{"Ostrava", "MM"})
	set := []*Sheet{sites, users}
	c := NewChecker(set, nil)
	before := c.rechecked

	users.Rows[10].Cells[0] = "someone@example.com"
	c.Update(users, 10)
	if n := c.rechecked - before; n > 1 {
		t.Errorf("editing one user rechecked %d rows", n)
	}

	// Ostrava disappears: the users on Ostrava (every third) must be rechecked, no more.
	before = c.rechecked
	sites.Rows[2].Cells[0] = "Ostrava2"
	c.Update(sites, 2)
	onOstrava := 0
	for r := range users.Rows {
		if users.Cell(r, users.Index("Site")) == "Ostrava" {
			onOstrava++
		}
	}
	if n := c.rechecked - before; n > onOstrava+1 {
		t.Errorf("renaming a site rechecked %d rows; %d refer to it", n, onOstrava)
	}
	if got, want := c.Findings(), Validate(set, nil); !sameFindings(got, want) {
		t.Fatalf("findings after the rename differ from Validate")
	}
	e, _ := c.Counts(users)
	if e != onOstrava {
		t.Errorf("users with an unknown site: %d errors, want %d", e, onOstrava)
	}

	// Ostrava comes back: only the now unresolved rows are rechecked.
	before = c.rechecked
	sites.Rows[2].Cells[0] = "Ostrava"
	c.Update(sites, 2)
	if n := c.rechecked - before; n > onOstrava+1 {
		t.Errorf("restoring a site rechecked %d rows", n)
	}
	if e, _ := c.Counts(users); e != 0 {
		t.Errorf("%d errors left after the site came back", e)
	}
}

func TestCheckerAt(t *testing.T) {
	teams := vFixture(t, "teams.csv")
	sites := vFixture(t, "sites.csv")
	c := NewChecker([]*Sheet{sites, teams}, nil)
	at := func(row, col int) []string {
		var out []string
		for _, f := range c.At(teams, row, col) {
			out = append(out, f.Message)
		}
		return out
	}
	site, name := teams.Index("Site"), teams.Index("Name")
	if got := at(1, site); !slices.Equal(got, []string{`Site "Praha" is not a site in these sheets; did you mean "Prague"?`}) {
		t.Errorf("At(row 1, Site) = %q", got)
	}
	if got := at(0, site); got != nil {
		t.Errorf("At(row 0, Site) = %q, want nothing", got)
	}
	if got := at(4, name); len(got) != 1 {
		t.Errorf("At(row 4, Name) = %q, want the duplicate", got)
	}
	// The fix: Praha → Prague, and the duplicate goes when row 4's site changes.
	teams.Rows[1].Cells[site] = "Prague"
	teams.Rows[4].Cells[site] = "Brno"
	c.Update(teams, 1, 4)
	if got := at(1, site); got != nil {
		t.Errorf("after the fix At(row 1, Site) = %q", got)
	}
	// Row 6 is "Sales" at "Brno" too: a duplicate of row 4, reported on both rows.
	if got := at(4, name); !slices.Equal(got, []string{`Name "Sales" with Site "Brno" is also on row 8: two teams with the same name and site would overwrite each other`}) {
		t.Errorf("after the fix At(row 4, Name) = %q", got)
	}
	if got := at(6, name); !slices.Equal(got, []string{`Name "Sales" with Site "Brno" is already on row 6: a second team with the same name and site would overwrite the first`}) {
		t.Errorf("At(row 6, Name) = %q", got)
	}
	if c.Sheet(teams) == nil || c.Sheet(&Sheet{}) != nil {
		t.Errorf("Sheet: findings of a held sheet, none of another")
	}
}

// TestCheckerGroupQueue edits a queue's rows so that groups merge and split.
func TestCheckerGroupQueue(t *testing.T) {
	q := vFixture(t, "queues.csv")
	c := NewChecker([]*Sheet{q}, nil)
	name := q.Index("Name")
	// Rename the stray "Q Sales" group at the end: no more duplicate.
	q.Rows[8].Cells[name] = "Q Other"
	c.Update(q, 8)
	for _, f := range c.Findings() {
		if f.Row == 10 && f.Col == name {
			t.Errorf("duplicate left after renaming: %s", f)
		}
	}
	// Make row 5 (a child of Q Chat) start its own group: it becomes a parent that lacks
	// the queue settings.
	q.Rows[4].Cells[name] = "Q Split"
	c.Update(q, 4)
	if got, want := c.Findings(), Validate([]*Sheet{q}, nil); !sameFindings(got, want) {
		vDiff(t, vLines(got), vLines(want))
	}
	found := false
	for _, f := range c.At(q, 4, q.Index("Channel Type")) {
		found = found || f.Message == "Channel Type is required"
	}
	if !found {
		t.Errorf("row 6 now starts queue Q Split, which needs its Channel Type: %q", vLines(c.Sheet(q)))
	}
}

func TestCheckerUnknownObject(t *testing.T) {
	s := &Sheet{File: "mystery.csv", Columns: []Column{{Header: "Foo"}}, Rows: []Row{{Cells: []string{"x"}}}}
	got := vLines(Validate([]*Sheet{s}, nil))
	want := []string{"mystery.csv:0:: error: cannot tell which object type this sheet holds: its header matches none"}
	vDiff(t, got, want)
}

func TestCheckerRowShapes(t *testing.T) {
	s := vSheet(t, "site", "s.csv", []string{"Name", "Multimedia Profile"},
		[]string{"Prague", "MM", "", " "}, // blank cells past the header: fine
		[]string{"Brno", "MM", "stray"},   // a value past the header would be lost
		[]string{"", ""},                  // empty row
		[]string{"Ostrava"},               // short row: the missing cell is empty
	)
	want := []string{
		"s.csv:3:: error: this row has 3 values but the header has 2 columns; the values after column 2 would be lost",
		"s.csv:4:: error: the row is empty; delete it or fill it in",
		"s.csv:5:Multimedia Profile: error: Multimedia Profile is required",
	}
	vDiff(t, vLines(Validate([]*Sheet{s}, nil)), want)
}

func TestSizeWarnings(t *testing.T) {
	users := vUsers(t, 5001)
	got := vLines(vOnly(Validate([]*Sheet{users}, nil), "users.csv"))
	want := []string{"users.csv:0:: warning: 5001 records: one Control Hub file takes at most 5000; Bulkops will split it into at least 2 files when packing"}
	vDiff(t, got, want)

	size := int64(11 << 20)
	got = vLines(CheckPackedFile(users, size, DefaultLimits))
	want = []string{
		"users.csv:0:: error: 11 MB as CSV: one Control Hub file takes at most 10 MB; Control Hub refuses it: pack the sheet again to split it",
		"users.csv:0:: error: 5001 records: one Control Hub file takes at most 5000; Control Hub refuses it: pack the sheet again to split it",
	}
	vDiff(t, got, want)
}
