package sheetview

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// After a check, the cells the job changes are tinted with a colour of their own (not an
// error's or a warning's), the cursor's message says what the organization has now, and
// "Changes only" shows only their rows. An edit of such a cell drops its mark.
func TestPlannedChangesInTheGrid(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Prague", "Voice Only"}, []string{"Brno", "Voice Only"},
		[]string{"Ostrava", "Digital Only"})
	plain := cellBG(t, v, 1, 1)
	if s.findings.changes.Disabled() == false {
		t.Error("Changes only is offered before any check")
	}
	s.ed.ShowChanges("site", []PlannedChange{{Row: 1, Col: 1, Was: "Blended Digital"}})

	tint := cellBG(t, v, 1, 1)
	if tint == plain || tint == s.ed.pal.warn || tint == s.ed.pal.err || cellBG(t, v, 0, 1) != plain {
		t.Errorf("the changed cell's background %v (plain %v, warning %v, error %v); row 1's %v",
			tint, plain, s.ed.pal.warn, s.ed.pal.err, cellBG(t, v, 0, 1))
	}
	clickCell(t, v, 1, 1, 0)
	if got := s.ed.message.text.Text; got != "was: Blended Digital" || !s.ed.message.content.Visible() {
		t.Errorf("the changed cell's message: %q", got)
	}

	test.Tap(s.findings.changes)
	if v.doc().Rows() != 1 || cellText(t, v, 0, 0) != "Brno" {
		t.Fatalf("Changes only: %d rows, the first %q", v.doc().Rows(), cellText(t, v, 0, 0))
	}
	test.Tap(s.findings.changes)
	if v.doc().Rows() != 3 || v.doc().Filtered() {
		t.Fatalf("all rows again: %d rows", v.doc().Rows())
	}

	clickCell(t, v, 1, 1, 0)
	typeText(s, "Digital Only")
	press(s, "Return")
	if got := cellBG(t, v, 1, 1); got == tint {
		t.Error("the cell keeps its change mark after it was edited: the plan no longer holds there")
	}
}

// Keeping the organization's values writes them back into the cells that still hold
// what the check saw, as one change Undo takes back.
func TestKeepTheOrganizationsValues(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "user", []string{"a@example.com", "", "", "", "", "", "", "", "0"},
		[]string{"b@example.com", "", "", "", "", "", "", "", "1"}, []string{"c@example.com", "", "", "", "", "", "", "", "2"})
	col := v.o.Sheet().Index("External Id")
	v.doc().SetCell(at(2, col), "7") // edited since the check: stays
	n := s.ed.KeepValues("user", []PlannedChange{{Row: 0, Col: col, Was: "00000", Now: "0"},
		{Row: 1, Col: col, Was: "00001", Now: "1"}, {Row: 2, Col: col, Was: "00002", Now: "2"}})
	sh := v.o.Sheet()
	if n != 2 || sh.Cell(0, col) != "00000" || sh.Cell(1, col) != "00001" || sh.Cell(2, col) != "7" {
		t.Fatalf("kept %d: %q %q %q", n, sh.Cell(0, col), sh.Cell(1, col), sh.Cell(2, col))
	}
	if !v.doc().Undo() || sh.Cell(0, col) != "0" || sh.Cell(1, col) != "1" {
		t.Errorf("one Undo does not take the kept values back: %q %q", sh.Cell(0, col), sh.Cell(1, col))
	}
}
