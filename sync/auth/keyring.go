package auth

import (
	"errors"
	"sync"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/bulkops/bulkops/internal/i18n"
)

// KeyringService is the service name of every Bulkops secret in the OS keyring.
const KeyringService = "bulkops"

// ErrKeyringUnavailable is matched (errors.Is) by the cause Keyring.Unavailable gives.
var ErrKeyringUnavailable = i18n.Errorf("the system keyring is not available")

// ErrSecretNotFound is what Keyring.Get returns for a secret that was never stored.
var ErrSecretNotFound = keyring.ErrNotFound

// Keyring keeps secrets in the OS keyring, each call bounded by a timeout (a keyring
// waiting for a prompt nobody answers must not hang the app). The first failure other
// than "not found" switches it to memory for the rest of the run: secrets then live in
// this process only and are never written anywhere, and Warning says so.
type Keyring struct {
	timeout time.Duration
	backend keyring.Keyring

	volatile bool // memory only by design (the embedded sandbox): no OS keyring, no warning

	mu   sync.Mutex
	down error             // why the OS keyring is not used; nil while it works
	mem  map[string]string // secrets kept in memory when down, or too big for the keyring
	note i18n.Msg          // why some secret is kept in memory while the keyring works
}

// backendMu serialises calls into the keyring library: its in-memory mock is not safe for
// concurrent use, and a D-Bus keyring gains nothing from parallel calls.
var backendMu sync.Mutex

// NewKeyring returns a Keyring on the OS keyring with a 3 s timeout per call, as gh does.
// Where the keyring is reached through a D-Bus session bus and none is running, it is
// unavailable from the start (Warning says why): starting a bus would leave processes
// behind after the command.
func NewKeyring() *Keyring {
	k := newKeyring(osKeyring{}, 3*time.Second)
	if err := sessionBus(); err != nil {
		k.down = &unavailableError{err}
	}
	return k
}

// sessionBus is findSessionBus; the tests of this package, whose keyring is the library's
// mock, replace it.
var sessionBus = findSessionBus

func newKeyring(b keyring.Keyring, timeout time.Duration) *Keyring {
	return &Keyring{timeout: timeout, backend: b, mem: map[string]string{}}
}

// MemoryKeyring returns a Keyring that never touches the OS keyring and gives no
// warning: for the embedded sandbox, which forgets its sessions when it stops anyway, so
// that trying the app never prompts for a keyring.
func MemoryKeyring() *Keyring {
	return &Keyring{volatile: true, mem: map[string]string{}}
}

// Get returns the secret stored for user, or ErrSecretNotFound.
func (k *Keyring) Get(user string) (string, error) {
	if !k.usable() {
		return k.memGet(user)
	}
	var secret string
	err := k.call(i18n.M("read"), func(b keyring.Keyring) (err error) {
		secret, err = b.Get(KeyringService, user)
		return err
	})
	switch {
	case err == nil:
		return secret, nil
	case errors.Is(err, keyring.ErrNotFound):
		return k.memGet(user)
	}
	k.fail(err)
	return k.memGet(user)
}

// Set stores secret for user. When the keyring is unavailable the secret is kept in
// memory and Set succeeds (Warning tells). keyring.ErrSetDataTooBig is returned as is so
// that the caller can store something smaller.
func (k *Keyring) Set(user, secret string) error {
	if !k.usable() {
		k.memSet(user, secret)
		return nil
	}
	err := k.call(i18n.M("write"), func(b keyring.Keyring) error { return b.Set(KeyringService, user, secret) })
	switch {
	case err == nil:
		k.memDelete(user)
		return nil
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return err
	}
	k.fail(err)
	k.memSet(user, secret)
	return nil
}

// Delete removes the secret of user; a secret that is not there is not an error. When
// the OS keyring fails, the error says so (the secret may still be there).
func (k *Keyring) Delete(user string) error {
	k.memDelete(user)
	if !k.usable() {
		return nil
	}
	err := k.call(i18n.M("delete"), func(b keyring.Keyring) error { return b.Delete(KeyringService, user) })
	if err == nil || errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	k.fail(err)
	return i18n.Errorf("deleting %s from the system keyring: %w", user, k.Unavailable())
}

// keepInMemory holds a secret the keyring refused (too big) for this run only.
func (k *Keyring) keepInMemory(user, secret string, why i18n.Msg) {
	k.memSet(user, secret)
	k.mu.Lock()
	k.note = why
	k.mu.Unlock()
}

// Unavailable returns why the OS keyring is not used (errors.Is ErrKeyringUnavailable),
// or nil while it works.
func (k *Keyring) Unavailable() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.down
}

// Warning is the message to show when secrets are kept in memory only, or the zero Msg.
func (k *Keyring) Warning() i18n.Msg {
	k.mu.Lock()
	defer k.mu.Unlock()
	switch {
	case k.down != nil:
		return i18n.M("The system keyring is not available (%s). You are signed in for this run only: the sign-in is kept in memory, never written to a file, and you will have to sign in again next time.",
			i18n.Of(k.down))
	case !k.note.IsZero():
		return i18n.M("%s You are signed in for this run only: the sign-in is kept in memory, never written to a file, and you will have to sign in again next time.", k.note)
	}
	return i18n.Msg{}
}

func (k *Keyring) usable() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.down == nil && !k.volatile
}

func (k *Keyring) fail(err error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.down == nil {
		k.down = &unavailableError{err}
	}
}

// call runs f on the backend in a goroutine and gives up after the timeout; the
// goroutine of a call that hangs is left behind, as nothing can interrupt it.
func (k *Keyring) call(op i18n.Msg, f func(keyring.Keyring) error) error {
	done := make(chan error, 1)
	go func() {
		backendMu.Lock()
		defer backendMu.Unlock()
		done <- f(k.backend)
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(k.timeout):
		return i18n.Errorf("a keyring %s did not finish within %s", op, k.timeout)
	}
}

func (k *Keyring) memGet(user string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if s, ok := k.mem[user]; ok {
		return s, nil
	}
	return "", keyring.ErrNotFound
}

func (k *Keyring) memSet(user, secret string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.mem[user] = secret
}

func (k *Keyring) memDelete(user string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.mem, user)
}

type unavailableError struct{ err error }

func (e *unavailableError) Error() string   { return e.err.Error() }
func (e *unavailableError) Unwrap() []error { return []error{ErrKeyringUnavailable, e.err} }

// osKeyring calls the keyring library's package functions, so that keyring.MockInit in
// tests takes effect.
type osKeyring struct{}

func (osKeyring) Set(service, user, password string) error {
	return keyring.Set(service, user, password)
}
func (osKeyring) Get(service, user string) (string, error) { return keyring.Get(service, user) }
func (osKeyring) Delete(service, user string) error        { return keyring.Delete(service, user) }
func (osKeyring) DeleteAll(service string) error           { return keyring.DeleteAll(service) }

// Text is the keyring's error as a message (a timeout of ours is translated, the
// system's own error is not).
func (e *unavailableError) Text() i18n.Msg { return i18n.Of(e.err) }
