package jobs

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bulkops/bulkops/sheets"
)

// ExportRecords is the most records one exported file holds, as in Control Hub.
const ExportRecords = 5000

// WriteExport writes an exported sheet as Control Hub's Export does: one CSV (or XLSX)
// file at out when it holds at most ExportRecords records, else a zip at out (its
// extension made .zip) of CSV files of at most that many records, never splitting a
// parent and its children. It returns the path written. Unlike sheets.Pack it does not
// refuse a sheet with findings: an export shows the organization as it is.
func WriteExport(s *sheets.Sheet, out string) (string, error) {
	parts := splitGroups(s, ExportRecords)
	ext := strings.ToLower(filepath.Ext(out))
	if len(parts) <= 1 && (ext == ".csv" || ext == ".xlsx") {
		return out, sheets.WriteFile(out, s, nil)
	}
	base := strings.TrimSuffix(filepath.Base(out), filepath.Ext(out))
	path := filepath.Join(filepath.Dir(out), base+".zip")
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+base+"-*.zip")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	zw := zip.NewWriter(tmp)
	for i, p := range parts {
		part := &sheets.Sheet{Object: s.Object, Columns: s.Columns, Rows: s.Rows[p[0]:p[1]]}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("%s_%03d.csv", base, i+1), Method: zip.Deflate, Modified: time.Now()})
		if err == nil {
			err = sheets.WriteCSV(w, part)
		}
		if err != nil {
			tmp.Close()
			return "", err
		}
	}
	if err := zw.Close(); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	return path, os.Rename(tmp.Name(), path)
}

// splitGroups cuts the rows into runs of at most n records, at group boundaries.
func splitGroups(s *sheets.Sheet, n int) [][2]int {
	var parts [][2]int
	cur := [2]int{0, 0}
	for _, g := range s.Groups() {
		if cur[1] > cur[0] && cur[1]-cur[0]+g[1]-g[0] > n {
			parts = append(parts, cur)
			cur = [2]int{g[0], g[0]}
		}
		cur[1] = g[1]
	}
	if cur[1] > cur[0] {
		parts = append(parts, cur)
	}
	return parts
}
