package sheetview

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func column(v *sheetView, c int) []string {
	var out []string
	for r := range v.doc().Sheet().Rows {
		out = append(out, v.doc().Sheet().Cell(r, c))
	}
	return out
}

func TestCopyPasteWithExcel(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Prague", "MM"}, []string{"Brno", "MM"})
	clip := s.app.Clipboard()

	shiftPress(s, fyne.KeyDown, fyne.KeyRight)
	shortcut(s, &fyne.ShortcutCopy{Clipboard: clip})
	if got := clip.Content(); got != "Prague\tMM\r\nBrno\tMM\r\n" {
		t.Errorf("copied %q", got)
	}

	// A block copied in Excel: three rows, the last one past the end of the sheet.
	clip.SetContent("Ostrava\tMM North\r\nPlzeň\tMM West\r\nLiberec\tMM North\r\n")
	press(s, fyne.KeyLeft) // the cursor alone, on A3
	shortcut(s, &fyne.ShortcutPaste{Clipboard: clip})
	if got := column(v, 0); !reflect.DeepEqual(got, []string{"Prague", "Ostrava", "Plzeň", "Liberec"}) {
		t.Fatalf("names after paste %q", got)
	}
	if got := cellText(t, v, 3, 1); got != "MM North" {
		t.Errorf("pasted cell shows %q", got)
	}
	if got := s.status.message.Text; !strings.Contains(got, "3 × 2") || !strings.Contains(got, "records added: 2") {
		t.Errorf("status after paste %q", got)
	}
	// One undo takes the whole paste back, redo brings it again.
	shortcut(s, &fyne.ShortcutUndo{})
	if got := column(v, 0); !reflect.DeepEqual(got, []string{"Prague", "Brno"}) {
		t.Fatalf("after undo %q", got)
	}
	shortcut(s, &fyne.ShortcutRedo{})
	if got := column(v, 0); len(got) != 4 {
		t.Fatalf("after redo %q", got)
	}

	// Cut clears and puts the text on the clipboard.
	press(s, fyne.KeyUp)
	shortcut(s, &fyne.ShortcutCut{Clipboard: clip})
	if clip.Content() != "Prague" || v.doc().Sheet().Cell(0, 0) != "" {
		t.Errorf("cut: clipboard %q cell %q", clip.Content(), v.doc().Sheet().Cell(0, 0))
	}
	// Select all copies everything.
	shortcut(s, &fyne.ShortcutSelectAll{})
	shortcut(s, &fyne.ShortcutCopy{Clipboard: clip})
	if n := strings.Count(clip.Content(), "\r\n"); n != 4 {
		t.Errorf("select all + copy gave %d lines", n)
	}
}

// While a text field has the keyboard, the clipboard shortcuts of the menu work on it.
func TestClipboardInTheCellEditor(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Prague", "MM"})
	s.app.Clipboard().SetContent(" North")
	press(s, fyne.KeyF2)
	s.run(Paste)
	press(s, fyne.KeyReturn)
	if got := v.doc().Sheet().Cell(0, 0); got != "Prague North" {
		t.Errorf("pasting into the cell editor gave %q", got)
	}
}

func TestRowCommandsAndUndo(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"c", "1"}, []string{"a", "2"}, []string{"b", "3"})
	press(s, fyne.KeyDown)
	shortcut(s, ctrl(fyne.KeyI))
	if got := column(v, 0); !reflect.DeepEqual(got, []string{"c", "", "a", "b"}) {
		t.Fatalf("after Ctrl+I %q", got)
	}
	if got := cellText(t, v, 2, 0); got != "a" {
		t.Errorf("the row below the new one shows %q", got)
	}
	shortcut(s, ctrl(fyne.KeyMinus))
	if got := column(v, 0); !reflect.DeepEqual(got, []string{"c", "a", "b"}) {
		t.Fatalf("after Ctrl+- %q", got)
	}
	s.run(SortAscending) // by the cursor's column, Name
	if got := column(v, 0); !reflect.DeepEqual(got, []string{"a", "b", "c"}) {
		t.Fatalf("sorted %q", got)
	}
	if got := cellText(t, v, 0, 0); got != "a" {
		t.Errorf("after sorting the first cell shows %q", got)
	}
	shortcut(s, ctrl(fyne.KeyHome))
	press(s, fyne.KeyRight)
	shiftPress(s, fyne.KeyDown, fyne.KeyDown)
	shortcut(s, ctrl(fyne.KeyD))
	if got := column(v, 1); !reflect.DeepEqual(got, []string{"2", "2", "2"}) {
		t.Errorf("fill down %q", got)
	}
	for range 4 {
		shortcut(s, &fyne.ShortcutUndo{})
	}
	if got := column(v, 0); !reflect.DeepEqual(got, []string{"c", "a", "b"}) {
		t.Errorf("after undoing everything: names %q", got)
	}
	if got := column(v, 1); !reflect.DeepEqual(got, []string{"1", "2", "3"}) {
		t.Errorf("after undoing everything: profiles %q", got)
	}
	if v.doc().Modified() {
		t.Error("undone to the opened state, yet modified")
	}
	shortcut(s, &fyne.ShortcutUndo{})
	if got := s.status.message.Text; got != "Nothing to undo" {
		t.Errorf("status %q", got)
	}
}

func TestParentChildRows(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "queue",
		[]string{"Q1", "", "CHAT"}, []string{"Q1"}, []string{"Q2", "", "EMAIL"})
	if got := v.table.Length; got == nil {
		t.Fatal("no table")
	}
	header := func(row int) string {
		for id, o := range v.headers() {
			if id.Row == row && id.Col == -1 {
				return o.full
			}
		}
		return ""
	}
	if got := header(1); got != "› 3" {
		t.Errorf("child row header %q, want it marked", got)
	}
	typeText(s, "Sales")
	press(s, fyne.KeyReturn)
	if got := column(v, 0); !reflect.DeepEqual(got, []string{"Sales", "Sales", "Q2"}) {
		t.Errorf("renaming a queue renames its group: %q", got)
	}
	press(s, fyne.KeyUp)
	shortcut(s, ctrlShift(fyne.KeyI))
	if got := column(v, 0); !reflect.DeepEqual(got, []string{"Sales", "Sales", "Sales", "Q2"}) || v.doc().Cursor() != at(2, 1) {
		t.Errorf("add child: %q, cursor %v", got, v.doc().Cursor())
	}
}

func TestFilterFindAndReplace(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Prague", "MM"}, []string{"Brno", ""},
		[]string{"Prague 2", "MM"}, []string{"Ostrava", ""})
	shortcut(s, ctrlShift(fyne.KeyL))
	if v.doc().Rows() != 2 || cellText(t, v, 1, 0) != "Ostrava" || !s.findings.only.Checked {
		t.Fatalf("filtered: %d rows, second shows %q", v.doc().Rows(), cellText(t, v, 1, 0))
	}
	test.Tap(s.findings.only) // the check box turns it off again
	if v.doc().Rows() != 4 || v.doc().Filtered() {
		t.Fatalf("unfiltered: %d rows", v.doc().Rows())
	}

	shortcut(s, ctrl(fyne.KeyF))
	if !s.ed.find.visible() || focused(s) != s.ed.find.what {
		t.Fatal("Ctrl+F did not open the find bar")
	}
	typeText(s, "prague")
	press(s, fyne.KeyReturn)
	if c := v.doc().Cursor(); c != at(2, 0) {
		t.Errorf("find moved to %v, want A4", c)
	}
	press(s, fyne.KeyEscape)
	shortcut(s, ctrl(fyne.KeyH))
	s.ed.find.with.SetText("Praha")
	test.Tap(s.ed.find.replaceAll)
	if got := column(v, 0); !reflect.DeepEqual(got, []string{"Praha", "Brno", "Praha 2", "Ostrava"}) {
		t.Errorf("replace all %q", got)
	}
	if got := s.status.message.Text; got != "Cells replaced: 2" {
		t.Errorf("status %q", got)
	}
}
