package sheetview

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// Ctrl+Shift+D marks the selected records for deletion: the sheet gains the Action
// column files carry, DELETE on those records, their cells drawn struck through; the
// finding that Action is not a site column does not appear; undo takes it all back and
// Ctrl+Shift+U unmarks.
func TestMarkForDeletion(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Brno", "Voice Only"}, []string{"Prague", "Voice Only"}, []string{"Ostrava", "Voice Only"})
	cols := len(v.o.Sheet().Columns)
	press(s, fyne.KeyDown)
	shiftPress(s, fyne.KeyDown)
	shortcut(s, ctrlShift(fyne.KeyD))
	sh := v.o.Sheet()
	if len(sh.Columns) != cols+1 || sh.Columns[cols].Header != "Action" {
		t.Fatalf("columns after marking: %v", sh.Headers())
	}
	if got := column(v, cols); !reflect.DeepEqual(got, []string{"", "DELETE", "DELETE"}) {
		t.Fatalf("Action column %q", got)
	}
	if !strings.HasPrefix(s.status.message.Text, "Records marked for deletion: 2.") {
		t.Errorf("status %q", s.status.message.Text)
	}
	v.refresh()
	for r, want := range []bool{false, true, true} {
		if got := cellBoxAt(t, v, r, 0).text.TextStyle.Strikethrough; got != want {
			t.Errorf("row %d drawn struck through: %v, want %v", r+2, got, want)
		}
	}
	if errs, warns := s.ed.Counts(v.o); errs+warns != 0 {
		t.Errorf("marking made findings: %d errors, %d warnings: %v", errs, warns, s.ed.ws.checker.Sheet(sh))
	}

	shortcut(s, &fyne.ShortcutUndo{})
	if len(sh.Columns) != cols || cellBoxAt(t, v, 1, 0).text.TextStyle.Strikethrough {
		t.Fatalf("after undo: %v, row 3 struck %v", sh.Headers(), cellBoxAt(t, v, 1, 0).text.TextStyle.Strikethrough)
	}
	shortcut(s, &fyne.ShortcutRedo{})
	shortcut(s, ctrlShift(fyne.KeyU)) // the selection is rows 3 and 4 again
	if got := column(v, cols); !reflect.DeepEqual(got, []string{"", "", ""}) {
		t.Errorf("after unmarking: %q", got)
	}
	if cellBoxAt(t, v, 2, 0).text.TextStyle.Strikethrough {
		t.Error("an unmarked row is still struck through")
	}
}
