package auth

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The tests of this package use the keyring library's mock, which needs no bus; only
// the children of TestKeyringStartsNoSessionBus look for a real one.
func init() {
	if os.Getenv("BULKOPS_BUS_CHECK") != "1" {
		sessionBus = func() error { return nil }
	}
}

const noBusWarning = "The system keyring is not available (no D-Bus session is running: DBUS_SESSION_BUS_ADDRESS is not set " +
	"and there is no $XDG_RUNTIME_DIR/bus; Bulkops does not start one, as it would outlive the command). " +
	"You are signed in for this run only: the sign-in is kept in memory, never written to a file, and you will have to sign in again next time."

// Without a D-Bus session, four runs that use the keyring (as four logins or --profile
// commands would) leave no dbus-daemon and no gnome-keyring-daemon behind; each says
// the keyring is unavailable and keeps the secret in memory.
func TestKeyringStartsNoSessionBus(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the D-Bus keyring is Linux's")
	}
	if _, err := exec.LookPath("dbus-launch"); err != nil {
		t.Skip("dbus-launch is not installed: nothing could be autolaunched here")
	}
	if _, err := os.Stat(filepath.Join("/run/user", strconv.Itoa(os.Getuid()), "bus")); err == nil {
		t.Skip("this user's session bus runs at /run/user/UID/bus: the case without one cannot be made here")
	}
	marker := randomMarker(t)
	before := busProcesses(t, "")
	t.Cleanup(func() { killMarked(marker) })
	for run := range 4 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKeyringStartsNoSessionBusChild$", "-test.v", "-test.count=1")
		cmd.Env = childEnv(t, marker)
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestKeyringStartsNoSessionBusChild") {
			t.Errorf("run %d (%v):\n%s", run+1, err, out)
		}
	}
	time.Sleep(300 * time.Millisecond) // a daemon started at the end has time to show
	if left := busProcesses(t, marker); len(left) > 0 {
		t.Errorf("left behind by the runs: %s", strings.Join(left, ", "))
	}
	t.Logf("dbus-daemon/gnome-keyring-daemon of this user: %d before, %d after", len(before), len(busProcesses(t, "")))
}

func TestKeyringStartsNoSessionBusChild(t *testing.T) {
	if os.Getenv("BULKOPS_BUS_MARKER") == "" {
		t.Skip("run by TestKeyringStartsNoSessionBus")
	}
	k := NewKeyring()
	if _, err := k.Get("itest/token"); err == nil {
		t.Error("a secret was read without a keyring")
	}
	if err := k.Set("itest/client-secret", "s"); err != nil {
		t.Fatal(err)
	}
	if got, _ := k.Get("itest/client-secret"); got != "s" {
		t.Errorf("the secret is not kept in memory: %q", got)
	}
	if w := k.Warning().String(); w != noBusWarning {
		t.Errorf("warning\n%s\nwant\n%s", w, noBusWarning)
	}
}

// childEnv is this environment without a session bus, with a runtime directory of its
// own, and marked so that what the child starts can be found.
func childEnv(t *testing.T, marker string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DBUS_SESSION_BUS_ADDRESS=") && !strings.HasPrefix(kv, "XDG_RUNTIME_DIR=") {
			env = append(env, kv)
		}
	}
	return append(env, "XDG_RUNTIME_DIR="+t.TempDir(), "BULKOPS_BUS_CHECK=1", "BULKOPS_BUS_MARKER="+marker)
}

// busProcesses lists this user's dbus-daemon, dbus-launch and gnome-keyring-daemon
// processes ("name pid"), only those whose environment has the marker when it is set.
func busProcesses(t *testing.T, marker string) []string {
	t.Helper()
	dirs, err := filepath.Glob("/proc/[0-9]*")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range dirs {
		comm, err := os.ReadFile(filepath.Join(d, "comm"))
		name := strings.TrimSpace(string(comm))
		if err != nil || !strings.HasPrefix(name, "dbus-") && !strings.HasPrefix(name, "gnome-keyring") {
			continue
		}
		var st syscall.Stat_t
		if syscall.Stat(d, &st) != nil || int(st.Uid) != os.Getuid() {
			continue
		}
		if marker != "" {
			env, _ := os.ReadFile(filepath.Join(d, "environ"))
			if !strings.Contains(string(env), "BULKOPS_BUS_MARKER="+marker) {
				continue
			}
		}
		out = append(out, name+" "+filepath.Base(d))
	}
	return out
}

// killMarked ends the processes the test's children started, should any be left.
func killMarked(marker string) {
	t := &testing.T{}
	for _, p := range busProcesses(t, marker) {
		if pid, err := strconv.Atoi(p[strings.LastIndexByte(p, ' ')+1:]); err == nil {
			syscall.Kill(pid, syscall.SIGTERM)
		}
	}
}

func randomMarker(t *testing.T) string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}
