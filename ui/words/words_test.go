package words

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/assets"
	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
)

// A finding reads in the window's language: English until Czech is chosen, then Czech;
// a message of Control Hub's own (no template) as Control Hub wrote it.
func TestMessageSpeaksTheWindowsLanguage(t *testing.T) {
	f := sheets.Finding{Message: "error", Text: i18n.M("error")}
	hub := sheets.Finding{Message: "Site does not exist"}
	if Language() != "en" || Message(f) != "error" {
		t.Fatalf("before Czech: %q, %q", Language(), Message(f))
	}
	speak(t, "cs")
	t.Cleanup(func() { speak(t, "en") })
	if Language() != "cs" || Message(f) != "chyba" || Message(hub) != "Site does not exist" {
		t.Errorf("in Czech: %q, %q, %q", Language(), Message(f), Message(hub))
	}
}

func speak(t *testing.T, code string) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LANGUAGE", code)
	data, err := assets.Translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		t.Fatal(err)
	}
	if err := lang.AddTranslationsForLocale(data, fyne.Locale(code)); err != nil {
		t.Fatal(err)
	}
}
