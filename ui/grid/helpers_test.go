package grid

import (
	"reflect"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// sheetOf builds a sheet of a catalog object type with the first cells of each row given.
func sheetOf(t *testing.T, key string, rows ...[]string) *sheets.Sheet {
	t.Helper()
	o, ok := catalog.Lookup(key)
	if !ok {
		t.Fatalf("catalog has no %q", key)
	}
	s := sheets.New(o)
	for _, r := range rows {
		cells := make([]string, len(s.Columns))
		copy(cells, r)
		s.Rows = append(s.Rows, sheets.Row{Cells: cells})
	}
	return s
}

// column returns the values of column c, one per model row.
func column(d *Document, c int) []string {
	var out []string
	for r := range d.Sheet().Rows {
		out = append(out, d.Sheet().Cell(r, c))
	}
	return out
}

func wantColumn(t *testing.T, d *Document, c int, want ...string) {
	t.Helper()
	if got := column(d, c); !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
		t.Errorf("column %d = %q, want %q", c, got, want)
	}
}

// sites: Name, Multimedia Profile.
func sites(t *testing.T, names ...string) *Document {
	rows := make([][]string, len(names))
	for i, n := range names {
		rows[i] = []string{n, "MM"}
	}
	return New(sheetOf(t, "site", rows...))
}
