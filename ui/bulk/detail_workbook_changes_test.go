package bulk

import "testing"

// A workbook job's detail lists the changes its steps planned, each under the step's
// name as the steps are listed, as a job of one type lists its own: it said "None
// planned (the job was submitted without a check…)" of a job that had been checked.
func TestWorkbookDetailListsItsStepsChanges(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	j := e.runWorkbook("prague.xlsx",
		[2]string{"team", "Name,Site,Type,Desktop Layout\nBrno Sales,Prague,AGENT,Global Layout\n"},
		[2]string{"site", "Name,Multimedia Profile\nPrague,Voice Only\n"})
	e.b.showJob(j.ID)
	if got, want := e.b.detail.changes.Text, "1. Site\nRow 2 · Prague: Multimedia Profile: Blended Digital -> Voice Only"; got != want {
		t.Errorf("changes planned: %q, want %q", got, want)
	}
}
