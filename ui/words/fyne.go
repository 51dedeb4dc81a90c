package words

import (
	"encoding/json"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/internal/i18n"
)

// fyneWords are the words Fyne's own widgets say that the window says too (the Quit
// item Fyne adds to a menu, an entry's Cut/Copy/Paste/Undo/Redo, a dialog's Cancel, the
// file dialog's Open and Save): Fyne's bundle gets the window's Czech for them, so that
// the two never disagree ("Ukončit", not Fyne's "Odejít"). Fyne's other words (Yes, No,
// OK, the days of the week) stay Fyne's own translations.
var fyneWords = []i18n.Msg{
	i18n.M("Cancel"), i18n.M("Copy"), i18n.M("Cut"), i18n.M("File"), i18n.M("Open"), i18n.M("Paste"),
	i18n.M("Quit"), i18n.M("Redo"), i18n.M("Save"), i18n.M("Select all"), i18n.X("window: Undo", "Undo"),
}

// Load gives Fyne the window's words of language code under locale l: the language's
// code, which Language reads back, and fyneWords. Adding a bundle makes Fyne pick its
// language again from the operating system's locales (LANGUAGE first on Linux and the
// BSDs); a language it picks without a bundle of ours speaks English in the window.
func Load(code string, l fyne.Locale) error {
	bundle := map[string]string{"language.code": code}
	for _, m := range fyneWords {
		bundle[m.Format] = m.In(code)
	}
	data, err := json.Marshal(bundle)
	if err != nil {
		return err
	}
	return lang.AddTranslationsForLocale(data, l)
}
