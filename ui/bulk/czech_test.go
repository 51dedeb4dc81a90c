package bulk

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/internal/uitest"
	"github.com/bulkops/bulkops/ui/words"
)

// useCzech switches the window to Czech for one test, as the window does when
// Czech is chosen, and back to English after it.
func useCzech(t *testing.T) {
	t.Helper()
	uitest.Speak(t, "cs")
	if words.Language() != "cs" {
		t.Fatalf("the window speaks %q", words.Language())
	}
}

// In Czech, what the engine says of a failed row reads in Czech where the user sees it:
// the check before the submit, the job's detail (its rows, a failed job's reason) and the
// cell in the editor; the error file for Control Hub stays English.
func TestCzechJobDetail(t *testing.T) {
	useCzech(t)
	e := newEnv(t)
	e.b.SetConnection(e.target)
	e.editor.sheets = append(e.editor.sheets, sheetOf(t, "site", "Name,Multimedia Profile\nBrno,Voice Only\nOstrava,Voice Onyl\n"))
	const czech = `"Voice Onyl" (Multimediální profily) v organizaci neexistuje (neměli jste na mysli "Voice Only"?)`

	test.Tap(e.b.dash.newOp)
	f := e.b.flow
	test.Tap(f.imp.check)
	if want := "Řádek 3, Multimedia Profile: " + czech; !strings.Contains(f.imp.org.Text, want) {
		t.Errorf("the check says %q; want %q in it", f.imp.org.Text, want)
	}
	test.Tap(f.imp.submit)
	test.Tap(f.close)

	e.b.dash.table.Select(widget.TableCellID{Row: 0, Col: colStatus})
	d := e.b.detail
	if want := "Řádek 3, Multimedia Profile: " + czech; d.errors.Text != want {
		t.Errorf("the job's detail lists %q; want %q", d.errors.Text, want)
	}
	if strings.Contains(d.errors.Text, "does not exist") {
		t.Errorf("the detail still speaks English: %q", d.errors.Text)
	}

	test.Tap(d.export)
	saved, err := sheets.ReadFile(e.files.saved, sheets.ReadOptions{Unprotect: true})
	if err != nil {
		t.Fatal(err)
	}
	if msg := saved.Rows[0].Message; !strings.Contains(msg, `does not exist in the organization`) || strings.Contains(msg, "neexistuje") {
		t.Errorf("the error file is not Control Hub's English: %q", msg)
	}

	test.Tap(d.fix)
	if msgs := e.editor.messages; len(msgs) != 1 || msgs[0].MessageIn("cs") != czech {
		t.Errorf("the editor's cell says %+v; want %q", msgs, czech)
	}

	// A job cancelled before it ran: its detail says why in Czech.
	ctx := context.Background()
	eng := &jobs.Engine{Store: e.store, API: e.api, OrgID: e.sb.OrgID(), OrgName: "Sandbox"}
	j, err := eng.Submit(ctx, jobs.Package{Name: "site.csv", Data: []byte("Name,Multimedia Profile\nZlín,Voice Only\n")},
		sheetOf(t, "site", "Name\n").Object, "admin@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.store.RequestCancel(ctx, j.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := eng.Run(ctx, j.ID, nil); err != nil {
		t.Fatal(err)
	}
	e.b.ShowJob(j.ID)
	if got := d.fields[fieldReason].Text; got != "zrušeno uživatelem" {
		t.Errorf("the cancelled job's reason reads %q", got)
	}
	if want := "Řádek 2: úloha skončila dřív, než byl tento řádek proveden: zrušeno uživatelem"; d.errors.Text != want {
		t.Errorf("the cancelled job's rows read %q; want %q", d.errors.Text, want)
	}
}
