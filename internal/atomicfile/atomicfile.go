// Package atomicfile writes files so that a crash or an error leaves either the old file
// or the complete new one, never half of one: the content goes to a temporary file beside
// the target, is synced, and is renamed over it. Every file Bulkops writes for the user
// or keeps for itself (sheets, packages, error files, drafts, state) goes through here.
package atomicfile

import (
	"bytes"
	"io"
	"os"
	"path/filepath"

	"github.com/bulkops/bulkops/internal/i18n"
)

// Write creates or replaces path with what write produces. A new file gets mode perm; an
// existing one keeps its mode. On any error the target is untouched and no temporary file
// is left behind. It refuses to replace what is not a regular file (NotRegular).
func Write(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if err := NotRegular(path); err != nil {
		return err
	}
	if fi, err := os.Stat(path); err == nil {
		perm = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil { // make the rename itself durable
		d.Sync()
		d.Close()
	}
	return nil
}

// WriteBytes is Write for content already in memory.
func WriteBytes(path string, perm os.FileMode, data []byte) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	})
}

// NotRegular refuses a path that exists and is not a regular file: the rename would
// replace a symbolic link with a file (and leave its target as it was), and a device
// (/dev/stdout) or a directory cannot be written this way at all.
func NotRegular(path string) error {
	fi, err := os.Lstat(path)
	switch {
	case err != nil || fi.Mode().IsRegular():
		return nil
	case fi.Mode()&os.ModeSymlink != 0:
		return i18n.Errorf("%s is a symbolic link: Bulkops does not replace it; name the file it points to, or - for standard output", path)
	case fi.IsDir():
		return i18n.Errorf("%s is a folder: name a file in it", path)
	}
	return i18n.Errorf("%s is not a regular file (a device or a pipe): Bulkops writes files; use - for standard output", path)
}
