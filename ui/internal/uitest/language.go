package uitest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/assets"
)

// Speak makes Fyne speak code (as the window does when that language is chosen) until
// the test ends, when it speaks English again.
func Speak(t testing.TB, code string) {
	t.Helper()
	t.Setenv("LC_ALL", "")
	load(t, code)
	t.Cleanup(func() { load(t, "en") })
}

func load(t testing.TB, code string) {
	t.Setenv("LANGUAGE", code)
	data, err := assets.Translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		t.Fatal(err)
	}
	if err := lang.AddTranslationsForLocale(data, fyne.Locale(code)); err != nil {
		t.Fatal(err)
	}
}
