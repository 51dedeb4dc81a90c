package sheetview

import (
	"testing"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/grid"
	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// A check's warnings count and tint as the sheet's own warnings, beside a job's message;
// the next check's replace them and leave the job's message; an edit of the cell drops
// its warning.
func TestCheckWarningsBesideAJobsMessage(t *testing.T) {
	s := newTestShell(t, Options{})
	sh := uitest.Sheet(t, "site", []string{"Prague", "Voice Only"}, []string{"Brno", "Voice Only"})
	job := sheets.NewFinding(sh.File, 2, 1, "Multimedia Profile", sheets.Error, i18n.Raw("profile not found"))
	o := s.ed.Open(sh, "", []sheets.Finding{job})
	s.ed.Show("site")
	v := s.ed.cur
	warn := sheets.NewFinding(sh.File, 3, 0, "Name", sheets.Warning, i18n.Raw("a spreadsheet program rewrote it"))
	s.ed.ShowCheckWarnings("site", []sheets.Finding{warn})
	if e, w := s.ed.Counts(o); e != 1 || w != 1 {
		t.Errorf("with the check's warning: %d errors, %d warnings; want 1 and 1", e, w)
	}
	if cellBG(t, v, 1, 0) != s.ed.pal.warn {
		t.Errorf("the warned cell is painted %v", cellBG(t, v, 1, 0))
	}
	s.ed.ShowCheckWarnings("site", nil) // a check that found none
	if e, w := s.ed.Counts(o); e != 1 || w != 0 {
		t.Errorf("after a check without warnings: %d errors, %d warnings; want the job's 1 error only", e, w)
	}
	s.ed.ShowCheckWarnings("site", []sheets.Finding{warn})
	o.Doc.SetCells([]grid.CellValue{{Row: 1, Col: 0, Value: "Ostrava"}}) // no longer what was checked
	if e, w := s.ed.Counts(o); e != 1 || w != 0 {
		t.Errorf("after the warned cell changed: %d errors, %d warnings", e, w)
	}
}
