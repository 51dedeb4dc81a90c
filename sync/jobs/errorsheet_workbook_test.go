package jobs

import (
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

// A type's steps go into one error sheet: a column only a later step has is added, and
// a record the sheet holds already (the second pass of a record whose first pass
// failed) is not repeated, so the file submits again without duplicates.
func TestTypeErrorsMergeSteps(t *testing.T) {
	read := func(text string) *sheets.Sheet {
		s, err := sheets.ReadCSV(strings.NewReader(text), "team.csv", sheets.ReadOptions{Object: mustObject(t, "team")})
		if err != nil {
			t.Fatal(err)
		}
		for i := range s.Rows {
			s.Rows[i].Message = "failed " + s.Rows[i].Cells[0]
		}
		return s
	}
	first := read("Name,Site,Type\nBrno Sales,Brno,AGENT\n")
	second := read("Name,Site,Type,Desktop Layout\nbrno sales,Brno,AGENT,Global Layout\nBrno Support,Brno,AGENT,Global Layout\n")
	var te typeErrors
	fail := func(sh *sheets.Sheet, i int, col string, msg string) sheets.Finding {
		return sheets.Finding{File: sh.File, Row: sheets.RowNumber(i), Col: sh.Index(col), Column: col, Severity: sheets.Error, Message: msg}
	}
	te.merge(first, []sheets.Finding{fail(first, 0, "Site", "failed Brno Sales")})
	te.merge(second, []sheets.Finding{fail(second, 0, "", "x"), fail(second, 1, "Desktop Layout", "failed Brno Support")})
	var got []string
	for _, r := range te.sheet.Rows {
		got = append(got, strings.Join(r.Cells, ",")+" / "+r.Message)
	}
	want := []string{"Brno Sales,Brno,AGENT, / failed Brno Sales", "Brno Support,Brno,AGENT,Global Layout / failed Brno Support"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("merged rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The second step's finding moved with its row (the sheet's second) and its column
	// (Desktop Layout, the fourth once the step added it).
	if len(te.errs) != 2 || te.errs[1].Row != sheets.RowNumber(1) || te.errs[1].Col != 3 || te.errs[1].Message != "failed Brno Support" {
		t.Errorf("merged errors %+v", te.errs)
	}
}
