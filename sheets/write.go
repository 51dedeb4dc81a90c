package sheets

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// WriteFile saves the sheet to path, in the format its extension names: .csv (WriteCSV)
// or .xlsx (WriteXLSX, with the findings on their cells). The file is written to a
// temporary file beside it and renamed over it, so a failed save leaves the old file.
func WriteFile(path string, s *Sheet, findings []Finding) error {
	var write func(io.Writer) error
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".csv":
		write = func(w io.Writer) error { return WriteCSV(w, s) }
	case ".xlsx":
		write = func(w io.Writer) error { return WriteXLSX(w, s, findings) }
	default:
		return fmt.Errorf("%s: cannot save as %q; save as .csv or .xlsx", path, ext)
	}
	return writeAtomic(path, write)
}

func writeAtomic(path string, write func(io.Writer) error) (err error) {
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
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
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
