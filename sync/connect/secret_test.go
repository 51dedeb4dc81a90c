package connect

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/sandbox"
)

func labSandbox(t *testing.T, secret string) *sandbox.Running {
	t.Helper()
	sb, err := sandbox.Start(sandbox.Options{AutoApprove: true,
		Clients: []sandbox.Client{{ID: "lab-client", Secret: secret, RedirectURIs: sandbox.DefaultRedirectURIs}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	return sb
}

// A stored client secret is kept at Enter, can be replaced (rotated), is replaced only
// once the sign-in with the new one works, and logout --forget-secret deletes it.
func TestLoginReplacesAndForgetsTheSecret(t *testing.T) {
	old, rotated := labSandbox(t, "old-secret"), labSandbox(t, "new-secret")
	dir, kr, ctx := t.TempDir(), auth.MemoryKeyring(), context.Background()
	var asked []string
	login := func(sb *sandbox.Running, newSecret bool, first, replace string) error {
		_, err := Login(ctx, LoginOptions{Profile: "lab", URL: sb.URL(), ClientID: "lab-client", DataDir: dir, Keyring: kr,
			NewSecret:     newSecret,
			Secret:        func() (string, error) { asked = append(asked, "secret"); return first, nil },
			ReplaceSecret: func() (string, error) { asked = append(asked, "replace"); return replace, nil },
			OpenBrowser:   auth.AutoBrowser(nil)})
		return err
	}
	stored := func() string { s, _ := kr.Get("lab/client-secret"); return s }
	check := func(step string, err error, wantErr bool, wantAsked, wantStored string) {
		t.Helper()
		if (err != nil) != wantErr || len(asked) != 1 || asked[0] != wantAsked || stored() != wantStored {
			t.Errorf("%s: error %v, asked %v, stored %q; want error %v, asked [%s], stored %q",
				step, err, asked, stored(), wantErr, wantAsked, wantStored)
		}
		asked = nil
	}
	check("first login", login(old, false, "old-secret", ""), false, "secret", "old-secret")
	check("Enter keeps it", login(old, false, "", ""), false, "replace", "old-secret")
	check("a wrong new one", login(old, false, "", "typo"), true, "replace", "old-secret")
	check("--new-secret, wrong", login(old, true, "typo", ""), true, "secret", "old-secret")
	check("rotated", login(rotated, false, "", "new-secret"), false, "replace", "new-secret")
	check("--new-secret needs one", login(rotated, true, "", ""), true, "secret", "new-secret")

	if _, err := Logout("lab", Options{DataDir: dir, Keyring: kr}); err != nil || stored() != "new-secret" {
		t.Fatalf("logout: %v; it must keep the secret, got %q", err, stored())
	}
	if _, err := LogoutForget("lab", Options{DataDir: dir, Keyring: kr}); err != nil {
		t.Fatal(err)
	}
	if _, err := kr.Get("lab/client-secret"); !errors.Is(err, auth.ErrSecretNotFound) {
		t.Errorf("the secret is still there after logout --forget-secret: %v", err)
	}
	check("after forgetting", login(rotated, false, "new-secret", ""), false, "secret", "new-secret")
}

// Without a keyring a profile's sign-in cannot outlive the run: a command says that,
// rather than only "not signed in".
func TestOpenSaysTheKeyringIsUnavailable(t *testing.T) {
	keyring.MockInitWithError(errors.New("no secret service here"))
	dir := t.TempDir()
	ps, err := auth.LoadProfilesFile(filepath.Join(dir, auth.ProfilesFile))
	if err != nil {
		t.Fatal(err)
	}
	p, err := auth.WebexProfile("acme", "eu1", "C0ffee")
	if err != nil {
		t.Fatal(err)
	}
	if err := ps.Put(p); err != nil || ps.Save() != nil {
		t.Fatal(err)
	}
	_, err = Open(context.Background(), "acme", Options{DataDir: dir, Keyring: auth.NewKeyring()})
	if !errors.Is(err, auth.ErrSignInRequired) || !strings.HasPrefix(err.Error(), "not signed in to acme (Webex eu1): the system keyring is not available (") ||
		!strings.Contains(err.Error(), "), so no sign-in is kept between runs (bulkops login --profile acme signs in once it is): ") {
		t.Errorf("Open: %v", err)
	}
}
