package sheetview

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/sheets"
)

// shownChoices returns the values listed under the cell.
func shownChoices(s *testShell) []string {
	if !s.ed.choices.visible() {
		return nil
	}
	var out []string
	for _, o := range s.ed.choices.list.Objects {
		out = append(out, o.(*choiceItem).value)
	}
	return out
}

func TestAllowedValuesDropDown(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "queue", []string{"Q1"})
	press(s, fyne.KeyRight, fyne.KeyRight) // Channel Type
	typeText(s, "e")
	if got := shownChoices(s); !reflect.DeepEqual(got, []string{"EMAIL", "TELEPHONY", "SOCIAL CHANNEL"}) {
		t.Fatalf("typing e lists %q; want the values with e, those starting with it first", got)
	}
	press(s, fyne.KeyDown) // the second
	press(s, fyne.KeyReturn)
	if got := v.doc().Sheet().Cell(0, 2); got != "TELEPHONY" {
		t.Errorf("picked %q", got)
	}
	if s.ed.choices.visible() {
		t.Error("the list stayed open after the pick")
	}

	// Alt+Down (or the button) lists every value; a click picks one at once.
	press(s, fyne.KeyUp)
	test.Tap(s.ed.pick)
	if got := shownChoices(s); len(got) != 4 {
		t.Fatalf("the drop-down button lists %q", got)
	}
	// A mouse press picks, before the press takes the keyboard from the cell editor.
	s.ed.choices.list.Objects[2].(*choiceItem).MouseDown(&desktop.MouseEvent{})
	if got := v.doc().Sheet().Cell(0, 2); got != "CHAT" {
		t.Errorf("clicked a value, the cell holds %q", got)
	}
	press(s, fyne.KeyF2)
	shortcut(s, &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt})
	if got := shownChoices(s); len(got) != 4 {
		t.Errorf("Alt+Down lists %q", got)
	}
	press(s, fyne.KeyEscape) // closes the list, keeps editing
	if s.ed.choices.visible() || !s.ed.editing {
		t.Errorf("first Esc: list %v editing %v", s.ed.choices.visible(), s.ed.editing)
	}
	press(s, fyne.KeyEscape)

	// ON/OFF columns offer both.
	press(s, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight) // Permit Monitoring
	typeText(s, "o")
	if got := shownChoices(s); !reflect.DeepEqual(got, []string{"ON", "OFF"}) {
		t.Errorf("an ON/OFF column lists %q", got)
	}
}

func TestReferencesCompleteFromOpenSheetsAndTheOrganization(t *testing.T) {
	conn := StaticConnection{Name: "Acme", Names: sheets.Known{"site": {"Berlin", "Bratislava HQ"}}}
	s := newTestShell(t, Options{Connection: conn})
	openTestSheet(t, s, "site", []string{"Brno", "MM"}, []string{"Prague", "MM"})
	v := openTestSheet(t, s, "team", []string{"Agents"})
	press(s, fyne.KeyRight) // Site
	typeText(s, "br")
	if got := shownChoices(s); !reflect.DeepEqual(got, []string{"Bratislava HQ", "Brno"}) {
		t.Fatalf("typing br lists %q", got)
	}
	press(s, fyne.KeyTab) // takes the highlighted one
	if got := v.doc().Sheet().Cell(0, 1); got != "Bratislava HQ" {
		t.Errorf("the cell holds %q", got)
	}
	// A name neither the sheets nor the organization know is an error on the cell.
	press(s, fyne.KeyLeft)
	typeText(s, "Nowhere")
	if s.ed.choices.visible() {
		t.Errorf("no name matches, yet the list shows %q", shownChoices(s))
	}
	press(s, fyne.KeyReturn)
	if got := cellBG(t, v, 0, 1); got != s.ed.pal.err {
		t.Errorf("an unknown site is painted %v, want the error tint", got)
	}
}
