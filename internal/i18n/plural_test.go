package i18n

import (
	"encoding/json"
	"testing"
)

// English has two forms, Czech three: 1; 2 to 4; 0 and 5 on. A stored plural message
// keeps both.
func TestPluralForms(t *testing.T) {
	csv := func(n int) Msg { return N(n, "%d file", "%d files") }
	catalogs(Czech).templates["%d file"] = "%d soubor|%d soubory|%d souborů"
	defer delete(catalogs(Czech).templates, "%d file")
	for _, c := range []struct {
		n      int
		en, cs string
	}{
		{0, "0 files", "0 souborů"}, {1, "1 file", "1 soubor"}, {2, "2 files", "2 soubory"},
		{4, "4 files", "4 soubory"}, {5, "5 files", "5 souborů"}, {22, "22 files", "22 souborů"},
	} {
		if got := csv(c.n).In(English); got != c.en {
			t.Errorf("%d in English: %q, want %q", c.n, got, c.en)
		}
		if got := csv(c.n).In(Czech); got != c.cs {
			t.Errorf("%d in Czech: %q, want %q", c.n, got, c.cs)
		}
	}
	b, err := json.Marshal(M("found %s", csv(3)))
	var back Msg
	if err == nil {
		err = json.Unmarshal(b, &back)
	}
	if err != nil || back.In(English) != "found 3 files" || back.In(Czech) != "found 3 soubory" {
		t.Errorf("stored and read back: %v %q %q", err, back.In(English), back.In(Czech))
	}
}
