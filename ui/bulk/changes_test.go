package bulk

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/sync/webex"
	"github.com/bulkops/bulkops/ui"
	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// After Check, the panel lists the changes by column ("Multimedia Profile: 2 rows, e.g.
// Blended Digital -> Voice Only"); a click opens the sheet in the editor with every
// changed cell marked and the cursor on that column's first change.
func TestCheckListsChangesByColumn(t *testing.T) {
	e := newEnv(t)
	// The sandbox's Prague and London have Blended Digital; Brno is new.
	f, path := e.checkFile("site", "sites.csv", "Name,Multimedia Profile\nBrno,Voice Only\nPrague,Voice Only\nLondon,Digital Only\n")
	if got := f.imp.summary.Text; !strings.HasSuffix(got, "5 requests, under a second at 6000000/min.") || strings.Contains(got, "read one object") {
		t.Errorf("the summary does not name the request floor (sites need no GET): %q", got)
	}
	var lines []*widget.Button
	for _, o := range f.imp.changes.Objects {
		if b, ok := o.(*widget.Button); ok {
			lines = append(lines, b)
		}
	}
	want := "Multimedia Profile: 2 rows, e.g. Blended Digital -> Voice Only"
	if len(lines) != 1 || lines[0].Text != want {
		t.Fatalf("the changes listed: %v, want one line %q", f.imp.changes.Objects, want)
	}
	test.Tap(lines[0])
	if e.editor.opened == nil || e.editor.opened.File != path {
		t.Fatalf("the editor was not given the sheet: %+v", e.editor.opened)
	}
	wantMarks := []ui.PlannedChange{{Row: 1, Col: 1, Was: "Blended Digital"}, {Row: 2, Col: 1, Was: "Blended Digital"}}
	if len(e.editor.changes) != 2 || e.editor.changes[0] != wantMarks[0] || e.editor.changes[1] != wantMarks[1] || e.editor.at != wantMarks[0] {
		t.Errorf("the editor marks %+v, cursor at %+v; want %+v", e.editor.changes, e.editor.at, wantMarks)
	}
}

// checkFile writes a file of type key, chooses it in a new operation's import and checks
// it against the sandbox.
func (e *env) checkFile(key, name, content string) (*newOperation, string) {
	e.b.SetConnection(e.target)
	path := filepath.Join(e.t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		e.t.Fatal(err)
	}
	test.Tap(e.b.dash.newOp)
	f := e.b.flow
	f.selectObject(key)
	e.files.open_ = path
	test.Tap(f.imp.choose)
	test.Tap(f.imp.check)
	return f, path
}

// exportOf opens a new operation exporting key, connected to the test's organization.
func (e *env) exportOf(key string) *newOperation {
	e.b.SetConnection(e.target)
	test.Tap(e.b.dash.newOp)
	f := e.b.flow
	f.selectObject(key)
	f.mode.SetSelected(modeExport())
	return f
}

// The Sheets page's "Check and submit…" (Bulk.CheckSheet) opens an import of the
// editor's sheet and checks it at once; Submit is then offered.
func TestCheckSheetFromTheEditor(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	e.editor.sheets = append(e.editor.sheets, sheetOf(t, "site", "Name,Multimedia Profile\nBrno,Voice Only\nPrague,Voice Only\n"))
	e.b.CheckSheet("site")
	f := e.b.flow
	if f.obj().Key != "site" || f.imp.from.Selected != importEditor() {
		t.Fatalf("the import is of %s from %q", f.obj().Key, f.imp.from.Selected)
	}
	if got := f.imp.summary.Text; !strings.HasPrefix(got, "Records: 2. In Sandbox, 1 will be created, 1 updated and 0 left as they are.") {
		t.Errorf("summary %q", got)
	}
	if f.imp.submit.Disabled() || e.b.pages.Objects[0] != f.content {
		t.Errorf("Submit disabled %v, the new operation shown %v", f.imp.submit.Disabled(), e.b.pages.Objects[0] == f.content)
	}
}

// A users file whose External Ids lost their leading zeros (a spreadsheet program read
// them as numbers): the check offers to keep the organization's values of that column,
// and does so for every such cell at once.
func TestCheckOffersToKeepTheOrganizationsValues(t *testing.T) {
	e := newEnv(t)
	f, _ := e.checkFile("user", "users.csv", e.zeroIDs(2))
	keep := keepOffer(f)
	if keep == nil || keep.Text != "Keep the organization's values (2 cells)" {
		t.Fatalf("no offer to keep the organization's values: %v", f.imp.changes.Objects)
	}
	test.Tap(keep)
	want := []ui.PlannedChange{{Row: 0, Col: 1, Was: "00000", Now: "0"}, {Row: 1, Col: 1, Was: "00001", Now: "1"}}
	if len(e.editor.kept) != 2 || e.editor.kept[0] != want[0] || e.editor.kept[1] != want[1] || f.imp.checked != nil {
		t.Errorf("kept %+v, want %+v; the check is cleared: %v", e.editor.kept, want, f.imp.checked == nil)
	}
}

// zeroIDs gives the organization's first n users the External Ids 00000, 00001 … and
// returns a users sheet as a spreadsheet program saves it: the ids 0, 1 ….
// keepOffer is the check's button that keeps the organization's values of a column, nil
// when it offers none.
func keepOffer(f *newOperation) *widget.Button {
	var keep *widget.Button
	for _, o := range f.imp.changes.Objects {
		if box, ok := o.(*fyne.Container); ok {
			keep = box.Objects[1].(*widget.Button)
		}
	}
	return keep
}

// The offer counts its cells in the plural form each language wants: one cell in
// English; in Czech 1 buňka, 2 to 4 buňky, 5 and more buněk.
func TestKeepOfferCountsInEachLanguagesPlural(t *testing.T) {
	e := newEnv(t)
	f, _ := e.checkFile("user", "users.csv", e.zeroIDs(1))
	if keep := keepOffer(f); keep == nil || keep.Text != "Keep the organization's value (1 cell)" {
		t.Errorf("one cell: %v", keep)
	}
	useCzech(t)
	for n, want := range map[int]string{1: "Ponechat hodnotu organizace (1 buňka)", 2: "Ponechat hodnoty organizace (2 buňky)", 5: "Ponechat hodnoty organizace (5 buněk)"} {
		e := newEnv(t)
		f, _ := e.checkFile("user", "users.csv", e.zeroIDs(n))
		if keep := keepOffer(f); keep == nil || keep.Text != want {
			t.Errorf("%d cells in Czech: %v, want %q", n, keep, want)
		}
	}
}

func (e *env) zeroIDs(n int) string {
	e.t.Helper()
	ctx := context.Background()
	users, err := e.api.List(ctx, "v2/user", url.Values{"pageSize": {"1000"}})
	if err != nil || len(users) < n {
		e.t.Fatalf("users: %d, %v", len(users), err)
	}
	var items []webex.BulkItem
	csv := "Email,External Id\n"
	for i, u := range users[:n] {
		items = append(items, webex.BulkItem{ItemIdentifier: i, RequestAction: webex.ActionSave,
			Item: webex.Object{"id": u["id"], "externalIdentifier": fmt.Sprintf("0000%d", i)}})
		csv += fmt.Sprintf("%s,%d\n", u["email"], i)
	}
	if _, err := e.api.BulkSave(ctx, "user/bulk", http.MethodPatch, items); err != nil {
		e.t.Fatal(err)
	}
	return csv
}

// A column's line counts its rows in each language's plural: "1 row", and in Czech
// 1 řádek, 2 řádky, 5 řádků (it said "1 rows" in the window).
func TestChangesByColumnCountRowsInThePlural(t *testing.T) {
	for _, c := range []struct {
		lang string
		rows int
		want string
	}{
		{"en", 1, "External Id: 1 row, e.g. 00000 -> 0"},
		{"en", 4865, "External Id: 4865 rows, e.g. 00000 -> 0"},
		{"cs", 1, "External Id: 1 řádek, např. 00000 -> 0"},
		{"cs", 2, "External Id: 2 řádky, např. 00000 -> 0"},
		{"cs", 5, "External Id: 5 řádků, např. 00000 -> 0"},
	} {
		uitest.Speak(t, c.lang)
		g := columnChanges{column: "External Id", rows: c.rows, first: jobs.Change{Column: "External Id", Old: "00000", New: "0"}}
		if got := g.text(); got != c.want {
			t.Errorf("%s, %d rows: %q, want %q", c.lang, c.rows, got, c.want)
		}
	}
}
