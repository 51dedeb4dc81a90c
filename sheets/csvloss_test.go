package sheets

import (
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
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

// The note counts the columns it names, in plural forms in both languages.
func TestCSVLossNotePlural(t *testing.T) {
	one := CSVLossNote(csvSheet(t, "Name,Multimedia Profile\n00123,Voice Only\n"))
	if got := one.String(); !strings.HasPrefix(got, `the column "Name" holds values such as "00123"`) {
		t.Errorf("one column: %q", got)
	}
	if got := one.In(i18n.Czech); !strings.HasPrefix(got, `sloupec "Name" obsahuje hodnoty jako "00123"`) {
		t.Errorf("one column in Czech: %q", got)
	}
	two := CSVLossNote(csvSheet(t, "Name,Description\n00123,0042\n"))
	if got := two.String(); !strings.HasPrefix(got, `the columns "Name", "Description" hold values such as "00123"`) {
		t.Errorf("two columns: %q", got)
	}
	if got := two.In(i18n.Czech); !strings.HasPrefix(got, `sloupce "Name", "Description" obsahují hodnoty`) {
		t.Errorf("two columns in Czech: %q", got)
	}
}
