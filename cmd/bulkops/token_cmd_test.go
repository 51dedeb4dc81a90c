package main

import (
	"strings"
	"testing"

	"github.com/zalando/go-keyring"
)

// BULKOPS_TOKEN signs a run in without the keyring, as GH_TOKEN does for gh, and says so;
// login --device asks the identity host for a device code instead of opening a browser.
func TestTokenFromEnvironment(t *testing.T) {
	keyring.MockInit()
	t.Setenv("BULKOPS_HOME", t.TempDir())
	sb := startLabSandbox(t)
	loginLab(t, sb, "ci")
	if code, _, errs := runCLI(t, "logout"); code != 0 {
		t.Fatalf("logout: exit %d\n%s", code, errs)
	}
	if code, _, errs := runCLI(t, "export", "--object", "site", "-o", "-"); code == 0 || !strings.Contains(errs, "not signed in") {
		t.Fatalf("export signed out: exit %d\n%s", code, errs)
	}

	token := sb.MintToken()
	t.Setenv("BULKOPS_TOKEN", token)
	code, out, errs := runCLI(t, "export", "--object", "site", "-o", "-")
	if code != 0 || !strings.HasPrefix(out, "Name,Multimedia Profile") ||
		!strings.Contains(errs, "warning: BULKOPS_TOKEN is set: its token is used as it is for this run, bypassing the sign-in kept in the keyring") {
		t.Fatalf("export with BULKOPS_TOKEN: exit %d\n%s\n%s", code, out, errs)
	}
	if strings.Contains(out+errs, token) {
		t.Error("the token was printed")
	}
	t.Setenv("BULKOPS_TOKEN", "not-a-token")
	if code, _, errs = runCLI(t, "export", "--object", "site", "-o", "-"); code != 1 || !strings.Contains(errs, "the access token was not accepted") {
		t.Errorf("a wrong token: exit %d\n%s", code, errs)
	}
	t.Setenv("BULKOPS_TOKEN", "")

	withStdin(t, "", func() {
		code, _, errs = runCLI(t, "login", "--device", "--profile", "ci")
	})
	if code != 1 || !strings.Contains(errs, "device sign-in to ci") || strings.Contains(errs, "Sign in in your browser") {
		t.Errorf("login --device (the sandbox has no device grant): exit %d\n%s", code, errs)
	}
}
