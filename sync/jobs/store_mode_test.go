//go:build unix

package jobs

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// The store holds every row ever submitted: it and its -wal and -shm are the user's
// alone, whatever the umask, and a store found readable by others is made private.
func TestStoreFilesArePrivate(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := t.TempDir()
	path := filepath.Join(dir, DBName)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm", filepath.Join(dir, locksDir)} {
		fi, err := os.Stat(p)
		want := os.FileMode(0o600)
		if p == filepath.Join(dir, locksDir) {
			want = 0o700
		}
		if err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: %v %v, want %v", filepath.Base(p), fi.Mode().Perm(), err, want)
		}
	}
	s.Close()
	mustStore(t, os.Chmod(path, 0o644))
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("a store found 0644 is still %v", fi.Mode().Perm())
	}
}
