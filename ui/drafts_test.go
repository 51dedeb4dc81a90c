package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestDraftsComeBackAfterACrash(t *testing.T) {
	data := t.TempDir()
	s := newTestShell(t, Options{DataDir: data})
	s.openPaths([]string{"testdata/sites.csv"})
	press(s, fyne.KeyDown, fyne.KeyRight)
	typeText(s, "MM Typed")
	press(s, fyne.KeyReturn)
	s.drafts.flush() // as the timer or quitting does; then the process "dies"

	if _, err := os.Stat(filepath.Join(data, "drafts", "site.csv")); err != nil {
		t.Fatalf("no draft written: %v", err)
	}
	again := newTestShell(t, Options{DataDir: data})
	top := again.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(overlayText(top), "sites.csv") {
		t.Fatal("the draft is not offered back at start")
	}
	tapButton(t, again, "Restore")
	o := again.ed.Get("site")
	if o == nil || o.Sheet().Cell(1, 1) != "MM Typed" {
		t.Fatalf("restored sheet: %v", o)
	}
	if !o.Doc.Modified() || o.Path != filepath.Join("testdata", "sites.csv") {
		t.Errorf("restored draft: modified %v, path %q", o.Doc.Modified(), o.Path)
	}
	// Saving it removes the draft.
	again.writeTo(o, filepath.Join(t.TempDir(), "sites.csv"))
	if _, err := os.Stat(filepath.Join(data, "drafts", "site.csv")); !os.IsNotExist(err) {
		t.Errorf("draft still there after saving: %v", err)
	}
}

func TestDiscardingDrafts(t *testing.T) {
	data := t.TempDir()
	s := newTestShell(t, Options{DataDir: data})
	openTestSheet(t, s, "site", []string{"Prague", "MM"})
	typeText(s, "X")
	press(s, fyne.KeyReturn)
	s.quit() // keeps the draft and asks
	if top := s.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(overlayText(top), "Sheets with unsaved changes: 1") {
		t.Fatal("quitting with unsaved changes does not ask")
	}
	again := newTestShell(t, Options{DataDir: data})
	tapButton(t, again, "Discard")
	if again.ed.Get("site") != nil {
		t.Error("discarded draft opened anyway")
	}
	third := newTestShell(t, Options{DataDir: data})
	if third.win.Canvas().Overlays().Top() != nil {
		t.Error("a discarded draft is offered again")
	}
}

// The draft is written a moment after the last change, off the UI goroutine.
func TestDraftTimer(t *testing.T) {
	data := t.TempDir()
	a := test.NewTempApp(t)
	s := build(a, Options{DataDir: data}, func(f func()) { f() }, 20*time.Millisecond)
	s.win.Resize(fyne.NewSize(1000, 700))
	written := make(chan struct{}, 1)
	s.drafts.saved = func() { written <- struct{}{} }
	openTestSheet(t, s, "site", []string{"Prague", "MM"})
	typeText(s, "Brno")
	press(s, fyne.KeyReturn)
	select {
	case <-written:
	case <-time.After(5 * time.Second):
		t.Fatal("no draft written after an edit")
	}
	b, err := os.ReadFile(filepath.Join(data, "drafts", "site.csv"))
	if err != nil || !strings.Contains(string(b), "Brno") {
		t.Errorf("draft %q, %v", b, err)
	}
}

// A file named on the command line while drafts are kept: the restore question comes
// alone (no file's question on top of it), and the file, opened after it, asks before
// it takes the restored sheet's place instead of replacing it silently (issue 23, point 7).
func TestFileFromTheCommandLineWaitsForTheRestoreQuestion(t *testing.T) {
	data := t.TempDir()
	s := newTestShell(t, Options{DataDir: data})
	openTestSheet(t, s, "site", []string{"Prague", "MM"})
	typeText(s, "Kept")
	press(s, fyne.KeyReturn)
	s.drafts.flush()

	again := newTestShell(t, Options{DataDir: data, Files: []string{"testdata/sites.csv"}})
	if n := len(again.win.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("%d questions at start; want the restore question alone", n)
	}
	if again.ed.Get("site") != nil {
		t.Fatal("the file opened before the restore question was answered")
	}
	tapButton(t, again, "Restore")
	top := again.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(overlayText(top), "Save them before sites.csv takes its place?") {
		t.Fatalf("the file replaced the restored sheet without asking: %v", top != nil)
	}
	tapButton(t, again, "Cancel")
	if got := again.ed.Get("site").Sheet().Cell(0, 0); got != "Kept" {
		t.Errorf("after Cancel the site sheet holds %q; want the restored edit", got)
	}
}

// A SIGTERM's end: SaveDrafts(true) on the UI goroutine keeps the cell still being typed
// in; SaveDrafts(false), for after the main loop, keeps what was committed and touches no
// widget (the cell being typed stays as it is on screen).
func TestSaveDraftsAtAnEndTheWindowDidNotAsk(t *testing.T) {
	for _, typed := range []bool{true, false} {
		data := t.TempDir()
		s := newTestShell(t, Options{DataDir: data})
		openTestSheet(t, s, "site", []string{"Prague", "MM"})
		typeText(s, "Brno")
		press(s, fyne.KeyReturn)
		typeText(s, "Zlin") // not committed
		s.SaveDrafts(typed)
		b, err := os.ReadFile(filepath.Join(data, "drafts", "site.csv"))
		if err != nil || !strings.Contains(string(b), "Brno") || strings.Contains(string(b), "Zlin") != typed {
			t.Errorf("typed %v: draft %q, %v", typed, b, err)
		}
	}
}
