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

// The window's words come from the one catalogue in its language: a plain word, the
// window's own Czech for a word the command line translates otherwise, and a count in
// each language's plural form.
func TestWordsSpeakTheWindowsLanguage(t *testing.T) {
	keep := func(n int) string {
		return N(n, "Keep the organization's value (%d cell)", "Keep the organization's values (%d cells)")
	}
	if T("Copied") != "Copied" || X("window: Undo", "Undo") != "Undo" || keep(1) != "Keep the organization's value (1 cell)" {
		t.Fatalf("in English: %q, %q, %q", T("Copied"), X("window: Undo", "Undo"), keep(1))
	}
	uitest.Speak(t, "cs")
	if got := T("Copied"); got != "Zkopírováno" {
		t.Errorf("Copied in Czech: %q", got)
	}
	if got := X("window: Undo", "Undo"); got != "Zpět" {
		t.Errorf("the editor's Undo in Czech: %q (the command line's is Vrácení)", got)
	}
	if got := keep(3) + "; " + keep(12); got != "Ponechat hodnoty organizace (3 buňky); Ponechat hodnoty organizace (12 buněk)" {
		t.Errorf("counts in Czech: %q", got)
	}
	if got := Text("Team"); got != "Tým" {
		t.Errorf("a type's title in Czech: %q", got)
	}
}
