package bulk

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/sync/jobs"
)

// In Czech the dashboard's workbook row and a step's counts read in Czech, the
// thousands grouped as Czech groups them.
func TestCzechWorkbookWords(t *testing.T) {
	useCzech(t)
	j := jobs.Job{Object: jobs.WorkbookObject, Types: 6, Total: 1240}
	if got, want := cellText(j, colObject), "Sešit: typy 6, řádky 1\u00a0240"; got != want {
		t.Errorf("the dashboard's row reads %q, want %q", got, want)
	}
	e := newEnv(t)
	e.b.SetConnection(e.target)
	test.Tap(e.b.dash.wbook) // no file chosen: the page waits for one
	if got := e.b.workbook.list.Text; got != "Zatím nebyl vybrán žádný soubor." {
		t.Errorf("the workbook page says %q", got)
	}
}

// The dashboard names a workbook job by what it holds: "Workbook: 6 types, 1,240 rows".
func TestWorkbookRowName(t *testing.T) {
	for _, c := range []struct {
		types, rows int
		want        string
	}{{6, 1240, "Workbook: 6 types, 1,240 rows"}, {2, 999, "Workbook: 2 types, 999 rows"}, {23, 1234567, "Workbook: 23 types, 1,234,567 rows"}} {
		if got := cellText(jobs.Job{Object: jobs.WorkbookObject, Types: c.types, Total: c.rows}, colObject); got != c.want {
			t.Errorf("%d types, %d rows: %q, want %q", c.types, c.rows, got, c.want)
		}
	}
}
