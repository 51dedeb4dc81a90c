package ui

import (
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/assets"
)

// Languages the window is translated into, by code, with their own names.
var languages = []struct{ Code, Name string }{
	{"en", "English"},
	{"cs", "Čeština"},
}

const prefLanguage = "language" // "" follows the operating system

var loadOnce sync.Once

// useLanguage loads the bundled translations and picks the language: code, or the
// operating system's when code is "". Fyne picks from the OS locale and offers no way to
// override it, so the override goes through LANGUAGE, which Fyne's locale lookup honours
// on Linux and the BSDs; where it does not (Windows, macOS) the chosen language's strings
// are loaded under the locale Fyne picked.
func useLanguage(code string) {
	loadOnce.Do(func() {
		if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
			fyne.LogError("Bulkops translations", err)
		}
	})
	if code == "" || activeLanguage() == code {
		return
	}
	_ = os.Setenv("LANGUAGE", code)
	// Adding a bundle makes Fyne pick the locale again.
	data, err := assets.Translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		fyne.LogError("no translation for "+code, err)
		return
	}
	if err := lang.AddTranslationsForLocale(data, fyne.Locale(code)); err != nil {
		fyne.LogError("translation "+code, err)
		return
	}
	if active := activeLanguage(); active != code {
		_ = lang.AddTranslationsForLocale(data, fyne.Locale(active))
	}
}

// activeLanguage returns the code of the language the strings are shown in.
func activeLanguage() string { return lang.X("language.code", "en") }
