package main

import (
	"os"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/sandbox"
)

// withStdin runs f with input as the standard input (a pipe, as in a script).
func withStdin(t *testing.T, input string, f func()) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	w.WriteString(input)
	w.Close()
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin, _ = old, r.Close() }()
	f()
}

// login asks for the secret the first time, offers to keep or replace it the next times,
// --new-secret asks for a new one, and logout --forget-secret deletes it. The profile has
// a name of its own: the keyring may be this process's memory, shared by the tests.
func TestLoginSecretPrompts(t *testing.T) {
	keyring.MockInit() // never the developer's keyring
	t.Setenv("BULKOPS_HOME", t.TempDir())
	sb := startLabSandbox(t)

	login := func(input string, args ...string) (int, string, string) {
		var code int
		var out, errs string
		withStdin(t, input, func() { code, out, errs = runCLI(t, append([]string{"login", "--profile", "prompts"}, args...)...) })
		return code, out, errs
	}
	code, out, errs := login("lab-secret\n", "--url", sb.URL(), "--client-id", "lab-client")
	if code != 0 || !strings.HasPrefix(errs, secretPrompt()) || strings.Contains(errs, replacePrompt()) || !strings.HasPrefix(out, "Signed in:") {
		t.Fatalf("first login: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs = login("\n"); code != 0 || !strings.HasPrefix(errs, replacePrompt()) {
		t.Fatalf("login with a stored secret, Enter: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs = login("wrong-secret\n"); code != 1 || !strings.HasPrefix(errs, replacePrompt()) {
		t.Fatalf("login replacing it with a wrong one: exit %d\n%s", code, errs)
	}
	if code, _, errs = login(""); code != 0 {
		t.Fatalf("the stored secret was lost to a failed replacement: exit %d\n%s", code, errs)
	}
	if code, _, errs = login("lab-secret\n", "--new-secret"); code != 0 || !strings.HasPrefix(errs, secretPrompt()) {
		t.Fatalf("login --new-secret: exit %d\n%s", code, errs)
	}
	code, out, _ = runCLI(t, "logout")
	if code != 0 || out != "Signed out of prompts (sandbox at "+sb.URL()+"); its client secret stays in the keyring (logout --forget-secret deletes it)\n" {
		t.Fatalf("logout: exit %d %q", code, out)
	}
	code, out, _ = runCLI(t, "logout", "--forget-secret")
	if code != 0 || out != "Signed out of prompts (sandbox at "+sb.URL()+"); its client secret was deleted from the keyring\n" {
		t.Fatalf("logout --forget-secret: exit %d %q", code, out)
	}
	if code, _, errs = login("\n"); code != 1 || !strings.HasPrefix(errs, secretPrompt()) || !strings.Contains(errs, "bulkops: no client secret given") {
		t.Fatalf("login after the secret was forgotten: exit %d\n%s", code, errs)
	}
}

// loginLab signs in to sb as the profile named, with the lab's client secret.
func loginLab(t *testing.T, sb *sandbox.Running, profile string) {
	t.Helper()
	var code int
	var errs string
	withStdin(t, "lab-secret\n", func() {
		code, _, errs = runCLI(t, "login", "--profile", profile, "--url", sb.URL(), "--client-id", "lab-client")
	})
	if code != 0 {
		t.Fatalf("login: exit %d\n%s", code, errs)
	}
}

// startLabSandbox starts a sandbox that approves sign-ins by itself for the integration
// "lab-client", and has the browser step done by the test, both until the test ends.
func startLabSandbox(t *testing.T) *sandbox.Running {
	t.Helper()
	sb, err := sandbox.Start(sandbox.Options{AutoApprove: true,
		Clients: []sandbox.Client{{ID: "lab-client", Secret: "lab-secret", RedirectURIs: sandbox.DefaultRedirectURIs}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	orig := browser
	browser = func(u string) error { return auth.AutoBrowser(nil)(u) }
	t.Cleanup(func() { browser = orig })
	return sb
}
