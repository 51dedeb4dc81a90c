package bulk

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

// An export saves as CSV or XLSX by the name chosen; a CSV of more records than Control
// Hub takes in one file becomes a zip of compliant CSVs.
func TestWriteExport(t *testing.T) {
	var big strings.Builder
	big.WriteString("Name,Multimedia Profile\n")
	for i := range sheets.DefaultLimits.MaxRecords + 1 {
		fmt.Fprintf(&big, "Site %05d,Voice Only\n", i)
	}
	small := "Name,Multimedia Profile\nBrno,Voice Only\n"
	cases := []struct {
		name, csv, file, want string
		records               int
	}{
		{"a small CSV", small, "sites.csv", "sites.csv", 1},
		{"XLSX", small, "sites.xlsx", "sites.xlsx", 1},
		{"no extension: CSV", small, "sites", "sites.csv", 1},
		{"more than one file takes: a zip", big.String(), "all.csv", "all.zip", sheets.DefaultLimits.MaxRecords + 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, c.file)
			if err := os.WriteFile(path, nil, 0o600); err != nil { // as the save dialog leaves it
				t.Fatal(err)
			}
			got, err := writeExport(sheetOf(t, "site", c.csv), path)
			if err != nil {
				t.Fatal(err)
			}
			if got != filepath.Join(dir, c.want) {
				t.Errorf("written to %s, want %s", got, c.want)
			}
			back, err := sheets.ReadFile(got, sheets.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(back.Rows) != c.records {
				t.Errorf("%d records read back, want %d", len(back.Rows), c.records)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("the folder holds %v; want the export alone", entries)
			}
		})
	}
}

// The window's export is meant for a person to open, as the CLI's is: a value Excel would
// run as a formula is written with a ' before it, and reading the file back takes it off.
func TestWriteExportProtectsFormulas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sites.csv")
	sh := sheetOf(t, "site", "Name,Multimedia Profile\n\"=HYPERLINK(\"\"x\"\")\",Voice Only\n")
	got, err := writeExport(sh, path)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(got)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), `'=HYPERLINK`) {
		t.Errorf("the file holds %q; want the formula protected with a '", raw)
	}
	back, err := sheets.ReadFile(got, sheets.ReadOptions{Unprotect: true})
	if err != nil {
		t.Fatal(err)
	}
	if v := back.Value(0, "Name"); v != `=HYPERLINK("x")` {
		t.Errorf("read back as %q; want the value as typed", v)
	}
}

// An export written as CSV whose values a spreadsheet would change (an id with leading
// zeros) says so and names .xlsx; the same export as .xlsx, or one without such values,
// says nothing more.
func TestExportDoneNotesCSVLoss(t *testing.T) {
	sh := sheetOf(t, "site", "Name,Multimedia Profile\n00123,Voice Only\n")
	if got := exportDone(sh, "sites.csv"); !strings.Contains(got, `"00123"`) || !strings.Contains(got, ".xlsx") {
		t.Errorf("CSV export: %q", got)
	}
	if got := exportDone(sh, "sites.xlsx"); strings.Contains(got, "00123") {
		t.Errorf("XLSX export: %q", got)
	}
	if got := exportDone(sheetOf(t, "site", "Name,Multimedia Profile\nBrno,Voice Only\n"), "sites.csv"); strings.Contains(got, "Note") {
		t.Errorf("clean CSV export: %q", got)
	}
}
