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
)

// Write creates or replaces path with what write produces. A new file gets mode perm; an
// existing one keeps its mode. On any error the target is untouched and no temporary file
// is left behind.
func Write(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
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
