package sheets

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNumbersInTextColumnsWarned: in a workbook that is not our template, a DN typed as
// +420225000999 into a General cell is stored as the number 420225000999; it reads as
// "420225000999", which looks like any value, so the cell's type must be told. Such a
// cell gets a warning in the window's check and in the streamed one (validate, pack); a
// number in a number column (Capacity) and a DN stored as text get none.
func TestNumbersInTextColumnsWarned(t *testing.T) {
	b := workbook(t, ws{"Teams", [][]any{
		{"Name", "Site", "Type", "DN", "Capacity"},
		{"T1", "S", "CAPACITY", 420225000999, 5},
		{"T2", "S", "CAPACITY", "+420225000998", 6},
	}})
	p := filepath.Join(t.TempDir(), "teams.xlsx")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	want := `teams.xlsx:2:DN: warning: DN "420225000999" was a number in the workbook, not text`
	s := mustRead(t)(ReadFile(p, ReadOptions{}))
	got := strings.Join(vLines(Validate([]*Sheet{s}, nil)), "\n")
	if !strings.Contains(got, want) || strings.Contains(got, ":3:DN: warning") || strings.Contains(got, "Capacity: warning") {
		t.Errorf("window check:\n%s\nwant one warning %q", got, want)
	}
	rep, err := CheckFiles([]Source{FileSource(p, ReadOptions{})}, CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(vLines(rep.Findings), "\n"); !strings.Contains(got, want) || strings.Contains(got, ":3:DN: warning") {
		t.Errorf("streamed check:\n%s\nwant %q", got, want)
	}
	s2 := mustRead(t)(ReadXLSX(bytes.NewReader(b), "teams.xlsx", ReadOptions{}))
	if len(s2.Rows[0].Numbers) != 1 || s2.Rows[1].Numbers != nil {
		t.Errorf("ReadXLSX numbers: %+v, %+v", s2.Rows[0].Numbers, s2.Rows[1].Numbers)
	}
	s.Rows[0].Cells[s.Index("DN")] = "+420225000999" // corrected in the window
	if got := strings.Join(vLines(Validate([]*Sheet{s}, nil)), "\n"); strings.Contains(got, "was a number") {
		t.Errorf("the warning stays after the cell was corrected:\n%s", got)
	}
}
