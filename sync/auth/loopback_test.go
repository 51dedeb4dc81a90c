package auth

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The page the browser shows when it comes back from the identity server speaks the
// sign-in's language; the server's own error words stay as it sent them.
func TestCallbackPageInCzech(t *testing.T) {
	for _, c := range []struct {
		query  string
		status int
		want   []string
	}{
		{"state=s&code=c", http.StatusOK, []string{`<html lang="cs">`, "<title>Přihlášení do Bulkops</title>",
			"<h1>Bulkops vaše přihlášení přijal.</h1>", "Tuto kartu můžete zavřít a vrátit se do Bulkops."}},
		{"state=other&code=c", http.StatusBadRequest, []string{"nepatří k přihlášení, na které Bulkops čeká"}},
		{"state=s&error=access_denied&error_description=user+declined", http.StatusOK,
			[]string{"<h1>Přihlášení nebylo dokončeno.</h1>", "<p>access_denied (user declined)</p>"}},
	} {
		results := make(chan callbackResult, 1)
		rec := httptest.NewRecorder()
		callbackHandler("s", results, "cs").ServeHTTP(rec, httptest.NewRequest("GET", RedirectPath+"?"+c.query, nil))
		body := rec.Body.String()
		for _, w := range c.want {
			if rec.Code != c.status || !strings.Contains(body, w) {
				t.Errorf("%s: %d\n%s\nwant %d with %q", c.query, rec.Code, body, c.status, w)
			}
		}
	}
}
