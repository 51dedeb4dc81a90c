package connections

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/sandbox"
	"github.com/bulkops/bulkops/ui/internal/uitest"
	"github.com/bulkops/bulkops/ui/words"
)

// inLanguage makes Fyne speak code (as the window does when the language is chosen)
// until the test ends, when it speaks English again.
func inLanguage(t *testing.T, code string) {
	t.Helper()
	uitest.Speak(t, code)
	if got := words.Language(); got != code {
		t.Fatalf("the window speaks %q, want %q", got, code)
	}
}

// In Czech, the Connections page shows what sync/auth says in Czech: a sign-in the
// identity server refuses without the client secret, then, signed in, the warning that
// the keyring is not available.
func TestCzechSignInErrorAndKeyringWarning(t *testing.T) {
	sb := startSandbox(t, sandbox.Options{AutoApprove: true})
	e := newEnv(t, nil, auth.AutoBrowser(nil))
	inLanguage(t, "cs")
	test.Tap(e.p.addLocal)
	f := e.p.forms
	test.Type(f.name, "Lab")
	test.Type(f.url, sb.URL())
	f.dialog.Submit() // no client secret
	test.Tap(e.p.signIn)
	// The server's reason and its OAuth error code stay as the server wrote them.
	const noSecret = "Přihlášení selhalo: přihlášení k Lab: server identit odpověděl 401 Unauthorized: client authentication failed [invalid_client]"
	if e.p.message.Text != noSecret {
		t.Errorf("after a sign-in without a secret the page says %q\nwant %q", e.p.message.Text, noSecret)
	}

	lab, _ := e.p.set.Get("Lab")
	if _, err := e.p.svc.SetClientSecret(lab, sb.Client().Secret); err != nil {
		t.Fatal(err)
	}
	test.Tap(e.p.signIn)
	// Why it is not available: no session bus (a message of ours, in Czech), or the mock's
	// error of TestMain where a bus runs.
	const warning, tail = "Systémová klíčenka není dostupná (", "). Jste přihlášeni jen pro toto spuštění: přihlášení je drženo v paměti"
	if w := e.p.warning.Text; e.p.warning.Hidden || !strings.HasPrefix(w, warning) || !strings.Contains(w, tail) ||
		!strings.Contains(w, "no secret service in the tests") && !strings.Contains(w, "neběží žádná relace D-Bus") {
		t.Errorf("warning shown %v: %q\nwant it to begin %q", !e.p.warning.Hidden, w, warning)
	}
}

// Every region the Add organization form offers has its name in Czech.
func TestRegionNamesInCzech(t *testing.T) {
	inLanguage(t, "cs")
	for _, r := range auth.Regions {
		if got := regionName(r.Label); got == r.Label {
			t.Errorf("region %s (%s) has no Czech name", r.Code, r.Label)
		}
	}
	if got := regionName("Germany"); got != "Německo" {
		t.Errorf("Germany in Czech is %q", got)
	}
}
