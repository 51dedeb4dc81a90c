package jobs

import (
	"archive/zip"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/bulkops/bulkops/internal/atomicfile"
	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
)

// WriteExportAll writes the sheets of ExportAll, in their order: out.xlsx is one
// workbook with a worksheet per type (sheets.WriteWorkbook), out.zip a zip of Control
// Hub CSV files, NN_key.csv each, NN the type's place in the dependency order so that a
// person importing them by hand takes them in that order; a type of more than
// ExportRecords records is split into NN_key_001.csv, NN_key_002.csv …, never between a
// parent and its children. It returns the names of the files in the zip (nil for a
// workbook).
func WriteExportAll(ss []*sheets.Sheet, out string) ([]string, error) {
	opt := sheets.WriteOptions{ProtectFormulas: true} // a person opens an export
	switch strings.ToLower(filepath.Ext(out)) {
	case ".xlsx":
		return nil, sheets.WriteWorkbookFile(out, ss, opt)
	case ".zip":
		var names []string
		err := atomicfile.Write(out, 0o644, func(w io.Writer) error {
			var err error
			names, err = writeCSVZip(w, ss, opt)
			return err
		})
		return names, err
	}
	return nil, i18n.Errorf("%s: an export of several types is written to a .xlsx workbook or a .zip of CSV files", out)
}

// FromOrganization marks the sheets of ExportAll as read from organization id (name):
// WriteExportAll records it in the workbook, and a submit of the workbook to another
// organization is then told a copy (WorkbookDraft.CopyFrom).
func FromOrganization(ss []*sheets.Sheet, id, name string) {
	origin := &sheets.Origin{OrgID: id, OrgName: name}
	for _, s := range ss {
		s.Origin = origin
	}
}

func writeCSVZip(w io.Writer, ss []*sheets.Sheet, opt sheets.WriteOptions) ([]string, error) {
	z := zip.NewWriter(w)
	if len(ss) > 0 {
		if err := z.SetComment(ss[0].Origin.ZipComment()); err != nil {
			return nil, err
		}
	}
	var names []string
	for i, s := range ss {
		parts := exportParts(s)
		for j, part := range parts {
			name := fmt.Sprintf("%02d_%s.csv", i+1, s.Object.Key)
			if len(parts) > 1 {
				name = fmt.Sprintf("%02d_%s_%03d.csv", i+1, s.Object.Key, j+1)
			}
			f, err := z.Create(name)
			if err == nil {
				err = sheets.WriteCSVWith(f, part, opt)
			}
			if err != nil {
				return nil, err
			}
			names = append(names, name)
		}
	}
	return names, z.Close()
}

// exportParts splits s into sheets Control Hub takes as one file each: at most
// ExportRecords records and sheets.DefaultLimits.MaxBytes bytes (by csvBound), whole
// groups each (a parent row and its children stay together); a sheet with no rows is
// one part, its header a template.
func exportParts(s *sheets.Sheet) []*sheets.Sheet {
	var parts []*sheets.Sheet
	header := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		header[i] = c.Header
	}
	room := sheets.DefaultLimits.MaxBytes - csvBound(header)
	start, end, size := 0, 0, int64(0)
	cut := func() {
		p := *s
		p.Rows = s.Rows[start:end]
		parts = append(parts, &p)
		start, size = end, 0
	}
	for _, g := range s.Groups() {
		var gsize int64
		for _, r := range s.Rows[g[0]:g[1]] {
			gsize += csvBound(r.Cells)
		}
		if end > start && (g[1]-start > ExportRecords || size+gsize > room) {
			cut()
		}
		end, size = g[1], size+gsize
	}
	cut()
	return parts
}

// csvBound is at least the bytes a CSV line of cells takes, however it is written:
// every cell quoted, its quotes doubled, a ' before it (formula protection), a
// separator after it, and CR LF.
func csvBound(cells []string) int64 {
	n := int64(2)
	for _, c := range cells {
		n += int64(len(c)+strings.Count(c, `"`)) + 4
	}
	return n
}
