package jobs

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

// TestWriteExportHonoursTheExtension (issue 10 point 10): an export asked for as X.xlsx is
// that one workbook however many records it holds (a workbook is for editing; the
// 5000-record files are made when it is submitted), never X.xlsx.zip; X.csv past 5000
// records is a zip of compliant CSVs, Control Hub's way; X.zip is always a zip.
func TestWriteExportHonoursTheExtension(t *testing.T) {
	o := mustObject(t, "auxiliary_code")
	s := sheets.New(o)
	for i := 0; i < ExportRecords+1; i++ {
		s.Rows = append(s.Rows, sheets.Row{Cells: []string{fmt.Sprintf("Code %d", i), "", "ON", "Idle"}})
	}
	small := &sheets.Sheet{Object: s.Object, Columns: s.Columns, Rows: s.Rows[:3]}
	for _, c := range []struct {
		name  string
		sheet *sheets.Sheet
		out   string // asked for
		want  string // written
		files int    // CSV files in the zip; 0: not a zip
	}{
		{"xlsx over 5000", s, "codes.xlsx", "codes.xlsx", 0},
		{"csv over 5000", s, "codes.csv", "codes.zip", 2},
		{"zip of a few", small, "few.zip", "few.zip", 1},
		{"csv of a few", small, "few.csv", "few.csv", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			got, err := WriteExport(c.sheet, filepath.Join(dir, c.out))
			if err != nil {
				t.Fatal(err)
			}
			if got != filepath.Join(dir, c.want) {
				t.Fatalf("written to %s, want %s", got, c.want)
			}
			names, _ := os.ReadDir(dir)
			if len(names) != 1 {
				t.Errorf("the folder holds %v; want %s alone", names, c.want)
			}
			if c.files > 0 {
				z, err := sheets.OpenZip(got)
				if err != nil {
					t.Fatal(err)
				}
				defer z.Close()
				if len(z.Entries) != c.files {
					t.Errorf("the zip holds %d files, want %d", len(z.Entries), c.files)
				}
			}
			back, err := sheets.ReadFile(got, sheets.ReadOptions{Object: o, Unprotect: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(back.Rows) != len(c.sheet.Rows) || !slices.Equal(back.Rows[len(back.Rows)-1].Cells, c.sheet.Rows[len(c.sheet.Rows)-1].Cells) {
				t.Errorf("read back %d records, want %d", len(back.Rows), len(c.sheet.Rows))
			}
		})
	}
}
