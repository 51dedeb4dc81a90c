package jobs

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/bulkops/bulkops/sheets"
)

// TestErrorsFileAsWorkbook: an error file saved as .xlsx is a real workbook (it was CSV
// text in a file named .xlsx, which Bulkops itself could not open): it reads back with the
// failed row and its Error Message, and the message is in a note on the cell it is about.
func TestErrorsFileAsWorkbook(t *testing.T) {
	e := newEnv(t, envOptions{})
	j := e.submitRun("site", e.pack("site", siteCSV("Wb", 3, func(i int) bool { return i == 2 })))
	path := filepath.Join(t.TempDir(), "errors.xlsx")
	n, _, err := e.store.WriteErrorsFile(context.Background(), j.ID, path)
	if err != nil || n != 1 {
		t.Fatalf("WriteErrorsFile: %d rows, %v", n, err)
	}
	s, err := sheets.ReadFile(path, sheets.ReadOptions{Unprotect: true})
	if err != nil {
		t.Fatalf("the error workbook does not read back: %v", err)
	}
	col := s.Index("Multimedia Profile")
	if len(s.Rows) != 1 || col < 0 || s.Cell(0, col) != "Voice Onyl" || !strings.Contains(s.Rows[0].Message, "does not exist") {
		t.Fatalf("read back %d rows: %+v", len(s.Rows), s.Rows)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	comments, err := f.GetComments(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	cell, _ := excelize.CoordinatesToCellName(col+1, 2)
	var found bool
	for _, c := range comments {
		if c.Cell == cell && strings.Contains(commentText(c), "does not exist in the organization") {
			found = true
		}
	}
	if !found {
		t.Errorf("no note with the message on %s: %+v", cell, comments)
	}
}

func commentText(c excelize.Comment) string {
	var b strings.Builder
	b.WriteString(c.Text)
	for _, p := range c.Paragraph {
		b.WriteString(p.Text)
	}
	return b.String()
}
