package uitest

import (
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// Sheet makes a sheet of an object type with the given rows, as a file named after the
// type would hold them; a row shorter than the header is filled with empty cells.
func Sheet(t testing.TB, key string, rows ...[]string) *sheets.Sheet {
	t.Helper()
	o, ok := catalog.Lookup(key)
	if !ok {
		t.Fatalf("no object type %q", key)
	}
	sh := sheets.New(o)
	sh.File = key + ".csv"
	for _, r := range rows {
		cells := make([]string, len(sh.Columns))
		copy(cells, r)
		sh.Rows = append(sh.Rows, sheets.Row{Cells: cells})
	}
	return sh
}
