//go:build !nogui

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sync/jobs"
)

// A damaged job store no longer blocks every command: the first command moves it aside,
// says where on stderr, and goes on; the next one says nothing more.
func TestCommandsTellOfADamagedStore(t *testing.T) {
	home := t.TempDir()
	t.Setenv("BULKOPS_HOME", home)
	db := filepath.Join(home, "jobs.db")
	if err := os.WriteFile(db, []byte(strings.Repeat("database disk image is malformed\n", 50)), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "jobs")
	want := regexp.MustCompile(`^bulkops: warning: the job store ` + regexp.QuoteMeta(db) + ` was damaged \(the file is not an SQLite database: its header is missing or wrong\): ` +
		`it was moved to ` + regexp.QuoteMeta(home) + `/jobs\.damaged-\d{8}-\d{6}\.db and a new, empty job store was started; ` +
		`the jobs submitted before are not listed any more, their data is in the moved file\n` +
		`no jobs yet: bulkops submit FILE creates one\n$`)
	if code != 0 || !want.MatchString(errs) || !strings.Contains(out, "JOB ID") {
		t.Fatalf("jobs on a damaged store: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	moved, _ := filepath.Glob(filepath.Join(home, "jobs.damaged-*.db"))
	if len(moved) != 1 {
		t.Fatalf("moved files: %v", moved)
	}
	if code, _, errs = runCLI(t, "job", "BO-20261203-ABCD"); code != 1 || strings.Contains(errs, "damaged") {
		t.Errorf("the next command: exit %d, stderr %q", code, errs)
	}
}

// The window, opened on a damaged store, says so over the window at start.
func TestWindowTellsOfADamagedStore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "jobs.db")
	if err := os.WriteFile(db, []byte("not a database at all, and too short"), 0o600); err != nil {
		t.Fatal(err)
	}
	store, err := jobs.Open(db) // as openData does at start
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	d := store.Damaged()
	if d == nil {
		t.Fatal("the damage went unnoticed")
	}
	test.NewTempApp(t)
	win := test.NewTempWindow(t, widget.NewLabel(""))
	win.Resize(fyne.NewSize(900, 600))
	tellStoreDamage(win, d)
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no notice over the window")
	}
	want := "The job store " + db + " could not be used (the file is not an SQLite database: its header is missing or wrong). " +
		"It was moved to " + d.MovedTo + " and a new, empty job store was started: the jobs submitted before are not listed any more; their data is in the moved file."
	if got := labels(top); !strings.Contains(got, "The job store was damaged") || !strings.Contains(got, want) {
		t.Errorf("the notice reads:\n%s\nwant:\n%s", got, want)
	}
}

// labels is the text of every label and text under o.
func labels(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *canvas.Text:
			b.WriteString(w.Text + "\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}
