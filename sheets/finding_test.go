package sheets

import (
	"slices"
	"testing"

	"github.com/bulkops/bulkops/internal/i18n"
)

// Findings read in English as before, and in Czech through MessageIn; the value and the
// Control Hub header stay as written.
func TestFindingsInCzech(t *testing.T) {
	s := vSheet(t, "team", "teams.csv", []string{"Name", "Site", "Type", "Capacity"},
		[]string{"", "Praha", "AGNET", "x"},
		[]string{"Support", "Praha", "CAPACITY", ""})
	var en, cs []string
	for _, f := range Validate([]*Sheet{s}, nil) {
		en = append(en, f.Message)
		cs = append(cs, f.MessageIn(i18n.Czech))
		if f.MessageIn(i18n.English) != f.Message {
			t.Errorf("MessageIn(en) %q differs from Message %q", f.MessageIn(i18n.English), f.Message)
		}
	}
	for _, want := range []struct{ en, cs string }{
		{"Name is required", "Name je povinný údaj"},
		{"Type must be AGENT or CAPACITY; did you mean AGENT?", "Type musí být AGENT nebo CAPACITY; neměli jste na mysli AGENT?"},
		{`Capacity "x" is not a whole number`, `Capacity "x" není celé číslo`},
	} {
		i := slices.Index(en, want.en)
		if i < 0 {
			t.Errorf("no finding %q among %q", want.en, en)
			continue
		}
		if cs[i] != want.cs {
			t.Errorf("%q in Czech: %q, want %q", want.en, cs[i], want.cs)
		}
	}
	// The object's noun is the catalog's Czech title, in lower case.
	g := vSheet(t, "skill_profile", "sp.csv", []string{"Name", "Description", "Skill Name", "Skill Values", "Delete"},
		[]string{"Gold", "Top", "", "", ""}, []string{"Gold", "Again", "", "", ""})
	var got []string
	for _, f := range Validate([]*Sheet{g}, nil) {
		got = append(got, f.MessageIn(i18n.Czech))
	}
	if want := `Description patří jen na první řádek záznamu "Gold" (profil dovedností); na dalších řádcích ho nechte prázdné`; !slices.Contains(got, want) {
		t.Errorf("no %q among %q", want, got)
	}
	f := Finding{File: "x.csv", Row: 3, Column: "Name", Message: "Control Hub's own words"}
	if got := f.StringIn(i18n.Czech); got != "x.csv:3:Name: chyba: Control Hub's own words" {
		t.Errorf("a finding without a template: %q", got)
	}
}
