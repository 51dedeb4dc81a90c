package bulk

import (
	"strings"
	"testing"

	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// The check's warnings (External Ids that lost their leading zeros) are counted and
// listed in the editor's findings with the sheet's own, on the real editor: checked from
// the Sheets page, the sheet's findings list counts 2 warnings and names each
// organization's value; once a cell is fixed its warning goes, and a check that finds
// none clears them.
func TestCheckWarningsInTheEditorsFindings(t *testing.T) {
	e, shell := newEnvWithShell(t)
	// The two errors are the sheet's own: a users sheet of two columns lacks required ones.
	shell.Open(sheetOf(t, "user", e.zeroIDs(2)))
	e.b.CheckSheet("user")
	if e.b.flow.imp.checked == nil {
		t.Fatalf("no check: %q", e.b.flow.note.Text)
	}
	shell.ShowSheets()
	text := uitest.Text(shell.Window().Content())
	for _, want := range []string{"Errors: 2 · Warnings: 2", `the organization has "00000"`, `the organization has "00001"`, "Row 2 · External Id"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Sheets page does not show %q:\n%s", want, text)
		}
	}

	sh := shell.CurrentSheet()
	sh.Rows[0].Cells[1] = "00000" // as KeepValues writes it back
	sh.Rows[1].Cells[1] = "00001"
	e.b.CheckSheet("user")
	shell.ShowSheets()
	if text := uitest.Text(shell.Window().Content()); !strings.Contains(text, "Errors: 2 · Warnings: 0") || strings.Contains(text, "leading zeros") {
		t.Errorf("after the values were kept and checked again:\n%s", text)
	}
}
