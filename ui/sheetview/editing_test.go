package sheetview

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/sheets"
)

func TestEditKeys(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Prague", "MM"}, []string{"Brno", "MM"})
	cell := func(r, c int) string { return v.doc().Sheet().Cell(r, c) }

	press(s, fyne.KeyF2) // edits the value as it is
	typeText(s, " 1")
	press(s, fyne.KeyTab) // saves and moves right
	if cell(0, 0) != "Prague 1" || v.doc().Cursor() != at(0, 1) {
		t.Fatalf("F2 + Tab: %q, cursor %v", cell(0, 0), v.doc().Cursor())
	}
	typeText(s, "Other")
	press(s, fyne.KeyEscape) // cancels
	if cell(0, 1) != "MM" || cellText(t, v, 0, 1) != "MM" || focused(s) != v.table {
		t.Fatalf("Esc kept %q (shows %q)", cell(0, 1), cellText(t, v, 0, 1))
	}
	press(s, fyne.KeyReturn) // Enter edits too
	if !s.ed.editing || s.ed.entry.Text != "MM" {
		t.Fatalf("Enter did not open the cell: editing %v text %q", s.ed.editing, s.ed.entry.Text)
	}
	press(s, fyne.KeyEscape)
	press(s, fyne.KeyBackspace) // clears and edits
	typeText(s, "P2")
	press(s, fyne.KeyDown) // typed edits commit on arrows
	if cell(0, 1) != "P2" || v.doc().Cursor() != at(1, 1) {
		t.Fatalf("Backspace edit: %q, cursor %v", cell(0, 1), v.doc().Cursor())
	}
	shiftPress(s, fyne.KeyLeft)
	press(s, fyne.KeyDelete)
	if cell(1, 0) != "" || cell(1, 1) != "" {
		t.Fatalf("Delete left %q %q", cell(1, 0), cell(1, 1))
	}
	// Shift+Enter saves and moves up.
	typeText(s, "Ostrava")
	k := focused(s).(desktop.Keyable)
	k.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	press(s, fyne.KeyReturn)
	if cell(1, 0) != "Ostrava" || v.doc().Cursor() != at(0, 0) {
		t.Errorf("Shift+Enter: %q, cursor %v", cell(1, 0), v.doc().Cursor())
	}
}

func TestTypingOnTheNewRowAddsARecord(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site")
	typeText(s, "Prague")
	press(s, fyne.KeyTab)
	typeText(s, "MM")
	press(s, fyne.KeyTab) // wraps to the new-record row
	typeText(s, "Brno")
	press(s, fyne.KeyReturn)
	rows := v.doc().Sheet().Rows
	if len(rows) != 2 || !reflect.DeepEqual(rows[0].Cells, []string{"Prague", "MM"}) || rows[1].Cells[0] != "Brno" {
		t.Fatalf("rows %q", rows)
	}
	if got := cellText(t, v, 1, 0); got != "Brno" {
		t.Errorf("second record shows %q", got)
	}
}

func TestClickingTheCellBarEdits(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Prague", "MM"})
	test.Tap(s.ed.entry)
	s.win.Canvas().Focus(s.ed.entry)
	if !s.ed.editing || s.ed.editCell != at(0, 0) {
		t.Fatalf("clicking the cell bar: editing %v at %v", s.ed.editing, s.ed.editCell)
	}
	s.ed.entry.SetText("Praha")
	s.win.Canvas().Focus(v.table) // clicking elsewhere keeps what was typed
	if got := v.doc().Sheet().Cell(0, 0); got != "Praha" {
		t.Errorf("after leaving the cell bar the cell holds %q", got)
	}
}

func TestLiveValidation(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Prague", "MM"}, []string{"Brno", "MM"})
	if n := len(s.findings.items); n != 0 {
		t.Fatalf("a valid sheet has %d findings: %v", n, s.findings.items)
	}
	press(s, fyne.KeyRight)
	press(s, fyne.KeyDelete) // Multimedia Profile is required
	if got := cellBG(t, v, 0, 1); got != s.ed.pal.err {
		t.Errorf("emptied required cell painted %v, want the error tint %v", got, s.ed.pal.err)
	}
	if got := s.status.message.Text; !strings.Contains(got, "required") {
		t.Errorf("status bar says %q for the selected cell", got)
	}
	if len(s.findings.items) != 1 || s.findings.items[0].Row != 2 || s.findings.items[0].Severity != sheets.Error {
		t.Fatalf("findings %v", s.findings.items)
	}
	if !strings.Contains(s.findings.summary.Text, "Errors: 1") || !strings.Contains(s.status.counts.Text, "Errors: 1") {
		t.Errorf("summary %q, counts %q", s.findings.summary.Text, s.status.counts.Text)
	}
	// A name used twice is an error on the repeat.
	press(s, fyne.KeyDown, fyne.KeyLeft)
	typeText(s, "Prague")
	press(s, fyne.KeyReturn)
	if got := cellBG(t, v, 1, 0); got != s.ed.pal.err {
		t.Errorf("the repeated name is painted %v, want the error tint", got)
	}
	shortcut(s, &fyne.ShortcutUndo{})
	shortcut(s, &fyne.ShortcutUndo{})
	if got := cellBG(t, v, 0, 1); got != s.ed.pal.none || len(s.findings.items) != 0 {
		t.Errorf("after undoing both edits: tint %v, findings %v", got, s.findings.items)
	}
}

func TestFindingsListJumpsToTheCell(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Prague", "MM"}, []string{"Brno", ""}, []string{"", "MM"})
	if len(s.findings.items) != 2 {
		t.Fatalf("findings %v", s.findings.items)
	}
	s.findings.list.Select(1)
	if c := v.doc().Cursor(); c != at(2, 0) {
		t.Errorf("choosing the second finding put the cursor on %v, want A4", c)
	}
	if focused(s) != v.table {
		t.Error("the grid does not have the keyboard after the jump")
	}
	shiftPress(s, fyne.KeyF8)
	if c := v.doc().Cursor(); c != at(1, 1) {
		t.Errorf("Shift+F8 went to %v, want B3", c)
	}
	press(s, fyne.KeyF8)
	if c := v.doc().Cursor(); c != at(2, 0) {
		t.Errorf("F8 went to %v, want A4", c)
	}
}

func TestCtrlEnterFillsTheSelection(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"a", "1"}, []string{"b", "2"}, []string{"c", "3"})
	press(s, fyne.KeyRight)
	shiftPress(s, fyne.KeyDown, fyne.KeyDown)
	typeText(s, "MM")
	shortcut(s, &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	if got := column(v, 1); !reflect.DeepEqual(got, []string{"MM", "MM", "MM"}) {
		t.Errorf("Ctrl+Enter wrote %q", got)
	}
	shortcut(s, &fyne.ShortcutUndo{})
	if got := column(v, 1); !reflect.DeepEqual(got, []string{"1", "2", "3"}) {
		t.Errorf("one undo left %q", got)
	}
}
