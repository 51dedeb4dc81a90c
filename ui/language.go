package ui

import (
	"os"
	"sync"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/ui/words"
)

// Languages the window is translated into, by code, with their own names.
var languages = []struct{ Code, Name string }{
	{"en", "English"},
	{"cs", "Čeština"},
}

const prefLanguage = "language" // "" follows the operating system

var loadOnce sync.Once

// useLanguage picks the language: code, or the operating system's when code is "". The
// window's words come from assets/messages (ui/words), in the language Fyne picked for
// its own: Fyne picks from the OS locale and offers no way to override it, so the
// override goes through LANGUAGE, which Fyne's locale lookup honours on Linux and the
// BSDs; where it does not (Windows, macOS) the chosen language's bundle is loaded under
// the locale Fyne picked.
func useLanguage(code string) {
	loadOnce.Do(func() {
		for _, l := range languages {
			load(l.Code, fyne.Locale(l.Code))
		}
	})
	if code == "" || activeLanguage() == code {
		return
	}
	_ = os.Setenv("LANGUAGE", code)
	load(code, fyne.Locale(code)) // adding a bundle makes Fyne pick the locale again
	if active := activeLanguage(); active != code {
		load(code, fyne.Locale(active))
	}
}

func load(code string, l fyne.Locale) {
	if err := words.Load(code, l); err != nil {
		fyne.LogError("Bulkops words "+code, err)
	}
}

// activeLanguage returns the code of the language the strings are shown in.
func activeLanguage() string { return words.Language() }
