package uitest

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/ui/words"
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
	if err := words.Load(code, fyne.Locale(code)); err != nil {
		t.Fatal(err)
	}
}
