package sheets

import (
	"strings"
	"testing"
)

// findingTexts lists findings one a line, as a user reads them.
func findingTexts(fs []Finding) string { return strings.Join(vLines(fs), "\n") }

// A record marked DELETE in the Action column needs only its key: a delete-only sheet of
// names passes, without the type's other required columns and without a warning about
// the Action column; a record in the same sheet that is no delete still needs them, an
// Action value other than DELETE is an error on its cell, and a delete still needs its key.
func TestDeleteRowsNeedOnlyTheirKey(t *testing.T) {
	header := []string{"Name", "Action"}
	if fs := Validate([]*Sheet{vSheet(t, "queue", "q.csv", header, []string{"Old Queue", "DELETE"}, []string{"Older Queue", " delete "})}, nil); len(fs) != 0 {
		t.Errorf("a delete-only sheet of names has findings:\n%s", findingTexts(fs))
	}
	fs := Validate([]*Sheet{vSheet(t, "queue", "q.csv", header,
		[]string{"Old Queue", "DELETE"}, []string{"New Queue", ""}, []string{"Odd Queue", "REMOVE"}, []string{"", "DELETE"})}, nil)
	got := findingTexts(fs)
	for _, want := range []string{
		"Channel Type is required, but the sheet has no Channel Type column (only a record marked DELETE in Action may go without it)",
		`Action must be DELETE, RESTORE or empty, not "REMOVE"`,
		"Name is required",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("findings lack %q:\n%s", want, got)
		}
	}
	for _, f := range fs {
		if f.Row == 2 {
			t.Errorf("the delete on row 2 has a finding: %s", f.Message)
		}
		if f.Row == 0 {
			t.Errorf("a finding on the header of a sheet with Action: %s", f.Message)
		}
	}
	// Without an Action column a missing required column is the header's error, as before.
	if fs := Validate([]*Sheet{vSheet(t, "queue", "q.csv", []string{"Name"}, []string{"Old Queue"})}, nil); !strings.Contains(findingTexts(fs), `required column "Channel Type" is missing`) {
		t.Errorf("a sheet of names without Action:\n%s", findingTexts(fs))
	}
}
