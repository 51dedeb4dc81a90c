package jobs

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

// An export is opened by a person: a value Excel would run as a formula is written with
// a ' before it, in a single CSV and in each CSV of a zip; reading it back takes it off.
func TestExportProtectsFormulas(t *testing.T) {
	o := mustObject(t, "auxiliary_code")
	s := sheets.New(o)
	for i := 0; i < ExportRecords+1; i++ {
		s.Rows = append(s.Rows, sheets.Row{Cells: []string{fmt.Sprintf("Code %d", i), "=HYPERLINK(\"http://x.example\")", "ON", "Idle"}})
	}
	dir := t.TempDir()
	one := &sheets.Sheet{Object: s.Object, Columns: s.Columns, Rows: s.Rows[:1]}
	path, err := WriteExport(one, filepath.Join(dir, "codes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), `Code 0,"'=HYPERLINK(""http://x.example"")",ON,Idle`) {
		t.Errorf("the export holds %q", b)
	}
	back, err := sheets.ReadFile(path, sheets.ReadOptions{Object: o, Unprotect: true})
	if err != nil || back.Rows[0].Cells[1] != `=HYPERLINK("http://x.example")` {
		t.Fatalf("read back %v, %v", back, err)
	}
	zpath, err := WriteExport(s, filepath.Join(dir, "all.csv"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(zpath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		rc, _ := f.Open()
		part, _ := io.ReadAll(rc)
		rc.Close()
		if strings.Contains(string(part), `,=HYPERLINK`) || !strings.Contains(string(part), `"'=HYPERLINK(`) {
			t.Errorf("%s is not protected", f.Name)
		}
	}
	if s.Rows[0].Cells[1][0] != '=' {
		t.Error("the export changed the sheet")
	}
}
