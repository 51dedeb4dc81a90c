package ui

import (
	"encoding/json"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/assets"
	"github.com/bulkops/bulkops/assets/messages"
	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/ui/words"
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
		addCatalogWords(i18n.Czech, fyne.Locale(i18n.Czech))
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
	addCatalogWords(code, fyne.Locale(code))
	if active := activeLanguage(); active != code {
		_ = lang.AddTranslationsForLocale(data, fyne.Locale(active))
		addCatalogWords(code, fyne.Locale(active))
	}
}

// addCatalogWords loads the catalog's words (type titles, groups) of language code under
// locale l. They live in assets/messages, which sheets and the command line read too, so
// the window and the CLI name a type alike; English is the catalog's own text, loaded
// (word for itself) only when it has to cover another language's bundle.
func addCatalogWords(code string, l fyne.Locale) {
	data := messages.CatalogCS
	if code != i18n.Czech {
		if string(l) == code {
			return
		}
		words := map[string]string{}
		_ = json.Unmarshal(messages.CatalogCS, &words)
		for k := range words {
			words[k] = k
		}
		data, _ = json.Marshal(words)
	}
	if err := lang.AddTranslationsForLocale(data, l); err != nil {
		fyne.LogError("catalog words "+code, err)
	}
}

// activeLanguage returns the code of the language the strings are shown in.
func activeLanguage() string { return words.Language() }
