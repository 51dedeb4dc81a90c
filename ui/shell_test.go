package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
)

func TestNewOnTheTestApp(t *testing.T) {
	a := test.NewTempApp(t)
	s := New(a, Options{DataDir: t.TempDir()})
	if s.Window() == nil || s.Window().Title() != "Bulkops" {
		t.Fatalf("window %v", s.Window())
	}
	if got := s.status.conn.Text; got != "Sandbox (embedded)" {
		t.Errorf("connection label %q", got)
	}
	if s.Sheets() != nil {
		t.Errorf("sheets open at start: %v", s.Sheets())
	}
}

// Part 2 adds its views, menus and toolbar actions to the shell.
func TestRoomForMoreViews(t *testing.T) {
	jobs := widget.NewLabel("jobs dashboard")
	s := newTestShell(t, Options{
		Views: []View{{Title: "Bulk operations", Content: jobs}},
		Menus: []*fyne.Menu{fyne.NewMenu("Jobs", fyne.NewMenuItem("Submit", func() {}))},
	})
	if n := len(s.tabs.Items); n != 2 || s.tabs.Items[1].Text != "Bulk operations" {
		t.Errorf("tabs %d", n)
	}
	var menus []string
	for _, m := range s.win.MainMenu().Items {
		menus = append(menus, m.Label)
	}
	if !reflect.DeepEqual(menus, []string{"File", "Edit", "Rows", "View", "Jobs", "Help"}) {
		t.Errorf("menus %q", menus)
	}
	s.AddView(View{Title: "Sign in", Content: widget.NewLabel("sign in")})
	before := len(s.toolbar.Items)
	s.AddToolbarItems(widget.NewToolbarAction(nil, func() {}))
	if len(s.tabs.Items) != 3 || len(s.toolbar.Items) != before+1 {
		t.Errorf("AddView/AddToolbarItems: %d tabs, %d toolbar items", len(s.tabs.Items), len(s.toolbar.Items))
	}
}

type orgConn struct{ names sheets.Known }

func (c orgConn) Label() string                               { return "acme.example" }
func (c orgConn) Short() string                               { return "acme.example" }
func (c orgConn) Sandbox() bool                               { return false }
func (c orgConn) Known(context.Context) (sheets.Known, error) { return c.names, nil }

func TestNamesFromTheOrganization(t *testing.T) {
	s := newTestShell(t, Options{Connection: orgConn{sheets.Known{"site": {"Prague HQ"}}}})
	if s.status.conn.Importance == widget.WarningImportance {
		t.Error("a real organization is labelled like the sandbox")
	}
	v := openTestSheet(t, s, "team", []string{"Agents", "Nowhere", "AGENT"})
	if got := cellBG(t, v, 0, 1); got != s.ed.ErrorTint(false) {
		t.Errorf("a site the organization lacks is painted %v", got)
	}
	if got := s.ed.Names("site"); !reflect.DeepEqual(got, []string{"Prague HQ"}) {
		t.Errorf("names to complete from %q", got)
	}
}

func TestOpenAsksBeforeReplacingUnsavedEdits(t *testing.T) {
	s := newTestShell(t, Options{})
	openTestSheet(t, s, "site", []string{"Prague", "MM"})
	typeText(s, "Edited")
	press(s, fyne.KeyReturn)
	other, err := sheets.ReadFile("testdata/sites.csv", sheets.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.Open(other)
	if got := s.ed.Get("site").Sheet().Cell(0, 0); got != "Edited" {
		t.Fatalf("replaced without asking: %q", got)
	}
	tapButton(t, s, "Discard changes and open")
	o := s.ed.Get("site")
	if o.Sheet().Cell(2, 0) != "Ostrava" || !o.Doc.Modified() {
		t.Errorf("after confirming: %q, modified %v", o.Sheet().Cell(2, 0), o.Doc.Modified())
	}
}

// The Help menu lists the keyboard shortcuts, the editor's among them.
func TestShortcutsHelp(t *testing.T) {
	s := newTestShell(t, Options{})
	openTestSheet(t, s, "site", []string{"b", "1"}, []string{"a", "2"})
	s.run(actShortcuts)
	help := overlayText(s.win.Canvas().Overlays().Top())
	for _, want := range []string{"Ctrl+D", "Fill down", "Ctrl+Shift+L", "Ctrl+Z"} {
		if !strings.Contains(help, want) {
			t.Errorf("the shortcut list lacks %q", want)
		}
	}
}

// Shortcuts no menu item has go to the grid: Ctrl+Shift+Z redoes.
func TestRedoAlias(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"a", "1"})
	typeText(s, "b")
	press(s, fyne.KeyReturn)
	shortcut(s, &fyne.ShortcutUndo{})
	shortcut(s, ctrlShift(fyne.KeyZ))
	if got := v.doc().Sheet().Cell(0, 0); got != "b" {
		t.Errorf("Ctrl+Shift+Z left %q", got)
	}
}

func TestThemeChangeRepaints(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Prague", ""})
	before := s.ed.ErrorTint(false)
	s.app.Settings().SetTheme(test.NewTheme())
	if s.ed.ErrorTint(false) == before {
		t.Fatal("the palette did not follow the theme")
	}
	if got := cellBG(t, v, 0, 1); got != s.ed.ErrorTint(false) {
		t.Errorf("the error cell is painted %v, want the new theme's %v", got, s.ed.ErrorTint(false))
	}
}
