package bulk

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// With the real editor: the failed row comes back with the job's message on the cell it
// is about; once the cell is corrected the message is gone, and the sheet goes through.
func TestFixInTheRealEditor(t *testing.T) {
	e, shell := newEnvWithShell(t)
	shell.Open(sheetOf(t, "site", "Name,Multimedia Profile\nBrno,Voice Only\nOstrava,Voice Onyl\n"))

	test.Tap(e.b.dash.newOp)
	f := e.b.flow
	test.Tap(f.imp.check)
	test.Tap(f.imp.submit)
	j, ok := e.b.job(f.jobID)
	if !ok || j.Status != "Completed With Errors" || j.Failed != 1 {
		t.Fatalf("job %+v", j)
	}
	e.b.ShowJob(j.ID)
	test.Tap(e.b.detail.fix)
	confirm(t, shell.Window(), "Discard changes and open") // the open sheet had unsaved edits

	want := `Webex: Multimedia Profile "Voice Onyl" does not exist in the organization`
	if !shows(shell.Window(), "Row 2 · Multimedia Profile") || !shows(shell.Window(), want) {
		t.Fatalf("the editor does not show the message on row 2, Multimedia Profile:\n%s", strings.Join(texts(shell.Window()), "\n"))
	}
	sheets := shell.Sheets()
	if len(sheets) != 1 || len(sheets[0].Rows) != 1 || sheets[0].Rows[0].Cells[0] != "Ostrava" {
		t.Fatalf("the editor holds %v", sheets)
	}

	c := shell.Window().Canvas()
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	for _, r := range "Voice Only" {
		c.Focused().TypedRune(r)
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := shell.Sheets()[0].Rows[0].Cells[1]; got != "Voice Only" {
		t.Fatalf("the cell holds %q after typing", got)
	}
	if shows(shell.Window(), want) {
		t.Error("the job's message stays after its cell was corrected")
	}

	test.Tap(f.close)
	test.Tap(e.b.dash.newOp)
	test.Tap(f.imp.check)
	test.Tap(f.imp.submit)
	if j2, ok := e.b.job(f.jobID); !ok || j2.ID == j.ID || j2.Status != "Completed" || j2.Succeeded != 1 {
		t.Errorf("second job %+v", j2)
	}
}

// texts returns the text of every label and button the window shows, dialogs included.
func texts(w fyne.Window) []string {
	var out []string
	objs := test.LaidOutObjects(w.Content())
	for _, o := range w.Canvas().Overlays().List() {
		objs = append(objs, test.LaidOutObjects(o)...)
	}
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.Button:
			out = append(out, x.Text)
		}
	}
	return out
}

func shows(w fyne.Window, prefix string) bool {
	for _, s := range texts(w) {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// confirm taps the button of a dialog shown on the window.
func confirm(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	for _, ov := range w.Canvas().Overlays().List() {
		for _, o := range test.LaidOutObjects(ov) {
			if b, ok := o.(*widget.Button); ok && b.Text == text {
				test.Tap(b)
				return
			}
		}
	}
	t.Fatalf("no dialog with a %q button; the window shows %q", text, texts(w))
}
