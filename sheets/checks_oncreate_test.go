package sheets

import (
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// The editor names every field Webex needs to create a record (catalog
// api.requiredOnCreate, the job engine's rule) at once: an error when the organization's
// list shows the record is new, a warning when it may be an update, which keeps the
// stored value; nothing for a record the organization has (issue 23, point 5).
func TestFieldsRequiredOnCreate(t *testing.T) {
	o, ok := catalog.Lookup("entry_point_mapping")
	if !ok {
		t.Fatal("no entry point mappings in the catalog")
	}
	sh := New(o)
	row := make([]string, len(sh.Columns))
	row[sh.Index("Dialed Number")] = "+14155550100"
	row[sh.Index("Entry Point")] = "Sales EP"
	sh.Rows = append(sh.Rows, Row{Cells: row})

	shown := func(known Known) string {
		var out []string
		for _, f := range Validate([]*Sheet{sh}, known) {
			if f.Column == "Location" || f.Column == "Region" {
				out = append(out, f.String())
			}
		}
		return strings.Join(out, "\n")
	}
	want := ":2:Region: warning: Region is required to create a new entry point mapping: Webex refuses one without it\n" +
		":2:Location: warning: Location is required to create a new entry point mapping: Webex refuses one without it"
	if got := shown(nil); got != want {
		t.Errorf("offline:\n%s\nwant:\n%s", got, want)
	}
	if got := shown(Known{"entry_point_mapping": {"+14155550199"}}); strings.Count(got, ": error: ") != 2 {
		t.Errorf("a number the organization does not have:\n%s", got)
	}
	if got := shown(Known{"entry_point_mapping": {"+14155550100"}}); got != "" {
		t.Errorf("a number the organization has:\n%s", got)
	}
}
