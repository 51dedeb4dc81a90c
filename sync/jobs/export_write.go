package jobs

import (
	"path/filepath"
	"strings"

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
	opt := sheets.WriteOptions{ProtectFormulas: true} // a person opens an export
	lim := sheets.DefaultLimits
	lim.MaxRecords = ExportRecords
	if len(s.Rows) <= ExportRecords && strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return out, sheets.WriteFileWith(out, s, nil, opt)
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
