package sheets

import (
	"github.com/bulkops/bulkops/internal/atomicfile"

	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// WriteFile saves the sheet to path, in the format its extension names: .csv (WriteCSV)
// or .xlsx (WriteXLSX, with the findings on their cells). The file is written to a
// temporary file beside it and renamed over it, so a failed save leaves the old file.
func WriteFile(path string, s *Sheet, findings []Finding) error {
	return WriteFileWith(path, s, findings, WriteOptions{})
}

// WriteFileWith is WriteFile with options (an XLSX holds text cells, which no
// spreadsheet runs as formulas: ProtectFormulas is for a CSV file).
func WriteFileWith(path string, s *Sheet, findings []Finding, opt WriteOptions) error {
	var write func(io.Writer) error
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".csv":
		write = func(w io.Writer) error { return WriteCSVWith(w, s, opt) }
	case ".xlsx":
		write = func(w io.Writer) error { return WriteXLSXWith(w, s, findings, opt) }
	default:
		return fmt.Errorf("%s: cannot save as %q; save as .csv or .xlsx", path, ext)
	}
	return atomicfile.Write(path, 0o644, write)
}
