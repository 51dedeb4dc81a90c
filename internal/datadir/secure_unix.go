//go:build unix

package datadir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Secure makes dir private to its owner: it takes the group's and others' permission
// bits away from dir and from every file and folder in it (symbolic links are not
// followed), leaving the owner's own bits as they are. Bulkops creates its files 0600
// and its folders 0700; this repairs what an older version, another tool or a copy left
// readable (a job store holds every row ever submitted). An entry that cannot be
// changed (owned by someone else) is left as it is; only dir itself is an error.
//
// Nothing is walked when dir is the home directory or the root: BULKOPS_HOME pointing
// there by mistake must not change the permissions of the user's other files.
func Secure(dir string) error {
	if isUserTree(dir) {
		return nil
	}
	if err := Private(dir); err != nil {
		return fmt.Errorf("data directory %s: %w", dir, err)
	}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == dir || d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		Private(path)
		return nil
	})
	return nil
}

// Private clears the group and other permission bits of path when any is set. A path
// that does not exist is not an error.
func Private(path string) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	if fi.Mode().Perm()&0o077 == 0 {
		return nil
	}
	return os.Chmod(path, fi.Mode().Perm()&^0o077)
}

// isUserTree reports whether dir is a folder whose content is not Bulkops' alone.
func isUserTree(dir string) bool {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return true
	}
	home, _ := os.UserHomeDir()
	return abs == "/" || home != "" && abs == filepath.Clean(home)
}
