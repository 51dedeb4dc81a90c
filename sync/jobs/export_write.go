package jobs

import (
	"path/filepath"
	"strings"

	"github.com/bulkops/bulkops/sheets"
)

// ExportRecords is the most records one exported file holds, as in Control Hub.
const ExportRecords = 5000

// WriteExport writes an exported sheet. An XLSX file at out is one workbook, however many
// records: Control Hub's 5000-record limit is on the CSV files it takes for upload, and a
// workbook is for editing (Bulkops packs it into such files when it is submitted). Else
// as Control Hub's Export does: one CSV file when it holds at most ExportRecords records,
// else a zip (out's extension made .zip) of CSV files of at most that many records, never
// splitting a parent and its children; out.zip is always a zip. It returns the path
// written. Unlike sheets.Pack it does not refuse a sheet with findings: an export shows
// the organization as it is.
func WriteExport(s *sheets.Sheet, out string) (string, error) {
	opt := sheets.WriteOptions{ProtectFormulas: true} // a person opens an export
	lim := sheets.DefaultLimits
	lim.MaxRecords = ExportRecords
	ext := strings.ToLower(filepath.Ext(out))
	if ext == ".xlsx" {
		return out, sheets.WriteFileWith(out, s, nil, opt)
	}
	if ext == ".csv" { // Control Hub's way: the package decides between .csv and .zip
		out = strings.TrimSuffix(out, filepath.Ext(out))
	}
	if len(s.Rows) == 0 { // nothing of this type yet: the header alone, as a template
		out = strings.TrimSuffix(out, filepath.Ext(out)) + ".csv"
		return out, sheets.WriteFileWith(out, s, nil, opt)
	}
	p, err := sheets.WritePackage(opt.Apply(s), out, lim)
	if err != nil {
		return "", err
	}
	return p.Path, nil
}
