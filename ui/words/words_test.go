package words_test

import (
	"testing"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/internal/uitest"
	. "github.com/bulkops/bulkops/ui/words"
)

// A finding reads in the window's language: English until Czech is chosen, then Czech;
// a message of Control Hub's own (no template) as Control Hub wrote it.
func TestMessageSpeaksTheWindowsLanguage(t *testing.T) {
	f := sheets.Finding{Message: "error", Text: i18n.M("error")}
	hub := sheets.Finding{Message: "Site does not exist"}
	if Language() != "en" || Message(f) != "error" {
		t.Fatalf("before Czech: %q, %q", Language(), Message(f))
	}
	uitest.Speak(t, "cs")
	if Language() != "cs" || Message(f) != "chyba" || Message(hub) != "Site does not exist" {
		t.Errorf("in Czech: %q, %q, %q", Language(), Message(f), Message(hub))
	}
}
