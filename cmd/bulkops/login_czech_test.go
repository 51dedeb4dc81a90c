package main

import (
	"strings"
	"testing"

	"github.com/zalando/go-keyring"
)

// With BULKOPS_LANG=cs, login speaks Czech: a refused region, an address without HTTPS,
// a missing client secret, and the line naming who signed in where; the server's own
// words and the values typed stay as they are.
func TestLoginInCzech(t *testing.T) {
	keyring.MockInit() // never the developer's keyring
	t.Setenv("BULKOPS_HOME", t.TempDir())
	t.Setenv("BULKOPS_LANG", "cs")
	sb := startLabSandbox(t)
	for _, c := range []struct {
		args  []string
		input string
		want  string
	}{
		{[]string{"--profile", "Acme", "--region", "xx9", "--client-id", "C0ffee"}, "",
			`bulkops: profil "Acme": region "xx9" nemá známého veřejného hostitele Webex Contact Center: použijte jeden z us1`},
		{[]string{"--profile", "Lab", "--url", "http://example.com:8085", "--client-id", "lab-client"}, "",
			`bulkops: profil "Lab", hostitel identit: adresa http://example.com:8085: je vyžadováno HTTPS (prosté HTTP je povoleno jen pro adresu zpětné smyčky tohoto počítače)`},
		{[]string{"--profile", "Nový"}, "",
			`bulkops: profil "Nový" je nový: zadejte --region (jeden z us1, eu1`},
		{[]string{"--profile", "czech", "--url", sb.URL(), "--client-id", "lab-client"}, "\n",
			"bulkops: nebyl zadán klientský tajný klíč\n"},
	} {
		var code int
		var errs string
		withStdin(t, c.input, func() { code, _, errs = runCLI(t, append([]string{"login"}, c.args...)...) })
		if code != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("login %s: exit %d\n%s\nwant %q in it", strings.Join(c.args, " "), code, errs, c.want)
		}
	}
	var code int
	var out, errs string
	withStdin(t, "lab-secret\n", func() {
		code, out, errs = runCLI(t, "login", "--profile", "czech", "--url", sb.URL(), "--client-id", "lab-client")
	})
	if want := ", organizace " + sb.OrgID() + ", profil czech (sandbox na adrese " + sb.URL() + ")\n"; code != 0 ||
		!strings.HasPrefix(out, "Přihlášeno: ") || !strings.HasSuffix(out, want) {
		t.Errorf("login: exit %d\n%s%s\nwant it to end with %q", code, out, errs, want)
	}
	if !strings.HasPrefix(errs, "Klientský tajný klíč integrace (nezobrazuje se): ") {
		t.Errorf("the prompt is not in Czech: %q", errs)
	}
}
