package auth

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestRealKeyring runs the sign-in against the OS keyring (a Secret Service on Linux).
// It runs with -tags keyring_integration or BULKOPS_REAL_KEYRING=1, inside a D-Bus
// session with an unlocked keyring:
//
//	dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets;
//	  go test -tags keyring_integration ./sync/auth/'
//
// The checks run in a child process because other tests replace the keyring library's
// backend with its mock for the whole process, and it cannot be put back.
func TestRealKeyring(t *testing.T) {
	if !realKeyringTag && os.Getenv("BULKOPS_REAL_KEYRING") != "1" {
		t.Skip("needs -tags keyring_integration or BULKOPS_REAL_KEYRING=1, in a D-Bus session with a keyring")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRealKeyringChild$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), "BULKOPS_REAL_KEYRING_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestRealKeyringChild") {
		t.Fatalf("real keyring checks failed (%v):\n%s", err, out)
	}
}

func TestRealKeyringChild(t *testing.T) {
	if os.Getenv("BULKOPS_REAL_KEYRING_CHILD") != "1" {
		t.Skip("run by TestRealKeyring")
	}
	profile := fmt.Sprintf("itest-%d", os.Getpid())
	kr := NewKeyring()
	big := strings.Repeat("0123456789", 500)
	if err := kr.Set(profile+"/big", big); err != nil {
		t.Fatal(err)
	}
	if err := kr.Unavailable(); err != nil {
		t.Fatalf("the keyring is not usable here: %v", err)
	}
	got, err := NewKeyring().Get(profile + "/big")
	if err != nil || got != big {
		t.Fatalf("a 5000-byte secret came back as %d bytes, %v", len(got), err)
	}
	if err := kr.Delete(profile + "/big"); err != nil {
		t.Fatal(err)
	}

	f := newFakeIdP(t)
	p := f.profile()
	p.Name = profile
	a, err := New(p, Options{Keyring: kr})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetClientSecret(fakeSecret); err != nil {
		t.Fatal(err)
	}
	defer a.Forget()
	f.expiresIn = 30 // renewed at the first call
	s, err := a.SignIn(context.Background(), AutoBrowser(nil))
	if err != nil {
		t.Fatal(err)
	}
	f.expiresIn = 3600
	if s.KeyringWarning.String() != "" {
		t.Fatalf("warning: %s", s.KeyringWarning.String())
	}
	if err := listSites(s); err != nil {
		t.Fatal(err)
	}
	// A new run: a new Keyring reads what the first one saved, the rotated tokens.
	b, _ := New(p, Options{Keyring: NewKeyring()})
	s2, err := b.Restore(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := listSites(s2); err != nil || f.refreshCalls != 1 {
		t.Fatalf("restored session: %v (%d refreshes, want 1)", err, f.refreshCalls)
	}
	if err := b.Forget(); err != nil {
		t.Fatal(err)
	}
	if _, err := NewKeyring().Get(tokenKey(profile)); !errors.Is(err, ErrSecretNotFound) {
		t.Errorf("tokens left after Forget: %v", err)
	}
}
