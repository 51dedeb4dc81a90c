package connections

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/assets"
	"github.com/bulkops/bulkops/sync/auth"
)

// The status bar names the embedded sandbox in the window's language, although the jobs
// keep its English name.
func TestEmbeddedSandboxLabelInCzech(t *testing.T) {
	useTranslations(t, "cs")
	s := &Session{Profile: auth.Profile{Name: "sandbox", Kind: auth.KindEmbedded}, OrgName: "Sandbox (embedded)",
		Identity: auth.Identity{Name: "Demo Admin", OrgID: "0b3c4d5e-demo"}}
	got := s.Label()
	if !strings.Contains(got, "Sandbox (vestavěný)") || strings.Contains(got, "embedded") {
		t.Errorf("the embedded sandbox is labelled %q in Czech", got)
	}
	w := &Session{Profile: auth.Profile{Name: "acme", Kind: auth.KindWebex}, OrgName: "Acme", Identity: auth.Identity{Name: "Ann"}}
	if got := w.Label(); !strings.Contains(got, "Acme") {
		t.Errorf("an organization's label %q lost its name", got)
	}
}

// useTranslations shows Fyne's strings in code for the test, and English after it.
func useTranslations(t *testing.T, code string) {
	t.Helper()
	load := func(c string) {
		data, err := assets.Translations.ReadFile("translations/" + c + ".json")
		if err != nil {
			t.Fatal(err)
		}
		_ = os.Setenv("LANGUAGE", c)
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(c)); err != nil {
			t.Fatal(err)
		}
	}
	old, had := os.LookupEnv("LANGUAGE")
	t.Cleanup(func() {
		load("en")
		if had {
			_ = os.Setenv("LANGUAGE", old)
		} else {
			_ = os.Unsetenv("LANGUAGE")
		}
	})
	load(code)
	if got := lang.X("language.code", "en"); got != code {
		t.Skipf("Fyne did not switch to %s here (it shows %s)", code, got)
	}
}
