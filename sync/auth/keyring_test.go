package auth

import (
	"errors"
	"testing"

	"github.com/zalando/go-keyring"
)

func TestKeyringRoundTrip(t *testing.T) {
	keyring.MockInit()
	kr := NewKeyring()
	if _, err := kr.Get("p/token"); !errors.Is(err, ErrSecretNotFound) {
		t.Errorf("Get before Set: %v", err)
	}
	if err := kr.Set("p/token", "v1"); err != nil {
		t.Fatal(err)
	}
	if got, _ := keyring.Get(KeyringService, "p/token"); got != "v1" {
		t.Errorf("OS keyring holds %q", got)
	}
	if got, err := kr.Get("p/token"); err != nil || got != "v1" {
		t.Errorf("Get = %q, %v", got, err)
	}
	if err := kr.Delete("p/token"); err != nil {
		t.Fatal(err)
	}
	if err := kr.Delete("p/token"); err != nil {
		t.Errorf("deleting twice: %v", err)
	}
	if kr.Warning().String() != "" || kr.Unavailable() != nil {
		t.Errorf("warning %q", kr.Warning().String())
	}
}

func TestKeyringFailureSwitchesToMemory(t *testing.T) {
	for _, op := range []string{"get", "set", "delete"} {
		t.Run(op, func(t *testing.T) {
			keyring.MockInitWithError(errors.New("dial unix /run/user/0/bus: no such file or directory"))
			kr := NewKeyring()
			switch op {
			case "get":
				kr.Get("p/token")
			case "set":
				kr.Set("p/token", "v")
			case "delete":
				err := kr.Delete("p/token")
				if err == nil || err.Error() != "deleting p/token from the system keyring: dial unix /run/user/0/bus: no such file or directory" {
					t.Errorf("Delete: %v", err)
				}
			}
			if !errors.Is(kr.Unavailable(), ErrKeyringUnavailable) {
				t.Fatalf("Unavailable() = %v", kr.Unavailable())
			}
			want := "The system keyring is not available (dial unix /run/user/0/bus: no such file or directory). You are signed in for this run only: the sign-in is kept in memory, never written to a file, and you will have to sign in again next time."
			if kr.Warning().String() != want {
				t.Errorf("Warning() = %q", kr.Warning().String())
			}
			kr.Set("p/token", "kept")
			if got, err := kr.Get("p/token"); err != nil || got != "kept" {
				t.Errorf("memory Get = %q, %v", got, err)
			}
		})
	}
}
