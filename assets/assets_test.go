package assets

import (
	"bytes"
	"encoding/json"
	"image/png"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/assets/messages"
)

func TestIconIsASquarePNG(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(Icon.Content()))
	if err != nil {
		t.Fatalf("icon: %v", err)
	}
	if b := img.Bounds(); b.Dx() != b.Dy() || b.Dx() < 128 {
		t.Errorf("icon is %dx%d, want a square of at least 128", b.Dx(), b.Dy())
	}
}

func readTranslations(t *testing.T, code string) map[string]string {
	t.Helper()
	b, err := Translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s.json: %v", code, err)
	}
	return m
}

var placeholder = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

func placeholders(s string) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return out
}

// Every English string has a Czech one with the same template fields, and no value is
// empty: a missing field would print "<no value>" in Czech.
func TestTranslationsMatch(t *testing.T) {
	en, cs := readTranslations(t, "en"), readTranslations(t, "cs")
	if en["language.code"] != "en" || cs["language.code"] != "cs" {
		t.Errorf("language.code: en %q cs %q", en["language.code"], cs["language.code"])
	}
	for k, v := range en {
		c, ok := cs[k]
		switch {
		case !ok:
			t.Errorf("cs.json lacks %q", k)
		case v == "" || c == "":
			t.Errorf("empty translation of %q", k)
		case !reflect.DeepEqual(placeholders(v), placeholders(c)):
			t.Errorf("%q: fields %v in English, %v in Czech", k, placeholders(v), placeholders(c))
		}
	}
	for k := range cs {
		if _, ok := en[k]; !ok {
			t.Errorf("cs.json has %q, which en.json lacks", k)
		}
	}
}

// Fyne's loader accepts the files (it rejects, for one, reserved words as keys).
func TestTranslationsLoad(t *testing.T) {
	if err := lang.AddTranslationsFS(Translations, "translations"); err != nil {
		t.Fatal(err)
	}
	// The window loads the catalog's Czech words (type titles, groups) the same way.
	if err := lang.AddTranslationsForLocale(messages.CatalogCS, "cs"); err != nil {
		t.Fatalf("messages/catalog.cs.json: %v", err)
	}
}
