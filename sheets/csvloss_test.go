package sheets

import (
	"strings"
	"testing"
)

// TestCSVLossNote: a sheet whose values a spreadsheet changes when it opens a CSV file
// (an External Id 00123, a 19-digit id) gets a note naming the columns and the .xlsx
// alternative; one without such values gets none (a phone with + is protected already).
func TestCSVLossNote(t *testing.T) {
	s := csvSheet(t, "Name,Multimedia Profile\n00123,Voice Only\n1234567890123456789,Voice Only\n")
	note := CSVLossNote(s).String()
	for _, want := range []string{`"Name"`, `"00123"`, ".xlsx"} {
		if !strings.Contains(note, want) {
			t.Errorf("note %q lacks %s", note, want)
		}
	}
	if strings.Contains(note, "Multimedia Profile") {
		t.Errorf("note %q names a column that keeps its values", note)
	}
	clean := csvSheet(t, "Name,Multimedia Profile\nBrno 2,Voice Only\n+420225000999,Voice Only\n0,Voice Only\n")
	if n := CSVLossNote(clean); !n.IsZero() {
		t.Errorf("clean sheet noted: %s", n)
	}
}

// csvSheet reads CSV text as a site sheet.
func csvSheet(t *testing.T, text string) *Sheet {
	t.Helper()
	return mustRead(t)(ReadCSV(strings.NewReader(text), "sites.csv", ReadOptions{}))
}
