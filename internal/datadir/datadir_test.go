//go:build unix

package datadir

import (
	"os"
	"path/filepath"
	"testing"
)

// A data directory left readable by others (by an older version, a copy, a tool) is
// made private at the first use of a run: folder 0700, files 0600, the owner's own bits
// kept; a symbolic link's target is not touched.
func TestPathMakesTheDataDirectoryPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "home")
	outside := filepath.Join(t.TempDir(), "other.txt")
	must(t, os.WriteFile(outside, nil, 0o644))
	must(t, os.MkdirAll(filepath.Join(dir, "drafts"), 0o755))
	files := map[string]os.FileMode{
		"jobs.db": 0o644, "jobs.db-wal": 0o644, "jobs.db-shm": 0o666, "profiles.json": 0o640,
		"drafts/site.csv": 0o644, "run-job.log": 0o600, "tool.sh": 0o755,
	}
	for name, mode := range files {
		p := filepath.Join(dir, name)
		must(t, os.WriteFile(p, []byte("x"), mode))
		must(t, os.Chmod(p, mode)) // whatever the umask
	}
	must(t, os.Symlink(outside, filepath.Join(dir, "link")))
	must(t, os.Chmod(dir, 0o755))
	t.Setenv("BULKOPS_HOME", dir)

	got, err := Path()
	if err != nil || got != dir {
		t.Fatalf("Path() = %q, %v", got, err)
	}
	want := map[string]os.FileMode{".": 0o700, "drafts": 0o700, "tool.sh": 0o700}
	for name := range files {
		if want[name] == 0 {
			want[name] = 0o600
		}
	}
	for name, mode := range want {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || fi.Mode().Perm() != mode {
			t.Errorf("%s: mode %v (%v), want %v", name, fi.Mode().Perm(), err, mode)
		}
	}
	if fi, _ := os.Stat(outside); fi.Mode().Perm() != 0o644 {
		t.Errorf("the target of a link was changed to %v", fi.Mode().Perm())
	}
}

// BULKOPS_HOME set to the home directory by mistake leaves the home's files alone.
func TestSecureLeavesTheHomeDirectoryAlone(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	p := filepath.Join(home, "notes.txt")
	must(t, os.WriteFile(p, nil, 0o644))
	must(t, os.Chmod(p, 0o644))
	must(t, os.Chmod(home, 0o755))
	if err := Secure(home); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{home, p} {
		if fi, _ := os.Stat(q); fi.Mode().Perm()&0o044 == 0 {
			t.Errorf("%s changed to %v", q, fi.Mode().Perm())
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
