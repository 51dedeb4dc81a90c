package bulk

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// importCheck is what checking a sheet before a submit found: how many records it
// holds, how many the organization has already (updates) and has not (creates), the
// errors of its own that block the submit, and the rows that will fail in the
// organization because they refer to names it does not have.
type importCheck struct {
	sheet    *sheets.Sheet
	records  int
	known    bool // the organization's names of the type were known: creates and updates count
	creates  int
	updates  int
	own      []sheets.Finding // errors of the sheet itself: fix before submitting
	warnings []sheets.Finding
	org      []sheets.Finding // will fail in the organization: fix first, or let the job fail them
}

// checkImport checks sh alone (errors of its own) and then against the organization's
// names (what will fail there). With known nil only the first is done.
func checkImport(sh *sheets.Sheet, known sheets.Known) importCheck {
	c := importCheck{sheet: sh, records: len(sh.Groups())}
	alone := sheets.Validate([]*sheets.Sheet{sh}, nil)
	seen := map[findingKey]bool{}
	for _, f := range alone {
		seen[keyOf(f)] = true
		if f.Severity == sheets.Error {
			c.own = append(c.own, f)
		} else {
			c.warnings = append(c.warnings, f)
		}
	}
	if known == nil {
		return c
	}
	for _, f := range sheets.Validate([]*sheets.Sheet{sh}, known) {
		if f.Severity == sheets.Error && !seen[keyOf(f)] {
			c.org = append(c.org, f)
		}
	}
	c.countByKey(known)
	return c
}

// findingKey tells findings apart: the same finding from both checks is one.
type findingKey struct {
	file, message string
	row, col      int
}

func keyOf(f sheets.Finding) findingKey { return findingKey{f.File, f.Message, f.Row, f.Col} }

// countByKey tells creates from updates by the records' names, as the job will: a name
// the organization has is updated, another is created. For an object type the API cannot
// create (users), a record the organization does not have will fail, and says so.
func (c *importCheck) countByKey(known sheets.Known) {
	sh := c.sheet
	names, ok := known[sh.Object.Key]
	if !ok || len(sh.Object.KeyColumns) == 0 {
		return
	}
	c.known = true
	have := make(map[string]bool, len(names))
	for _, n := range names {
		have[strings.ToLower(n)] = true
	}
	keyCol := sh.Index(sh.Object.KeyColumns[0])
	for _, g := range sh.Groups() {
		name := sh.Cell(g[0], keyCol)
		switch {
		case name == "":
			// a row without a name is an error of its own already
		case have[strings.ToLower(name)]:
			c.updates++
		case sh.Object.API.UpdateOnly:
			c.org = append(c.org, cannotCreate(sh, g[0], keyCol, name))
		default:
			c.creates++
		}
	}
}

// cannotCreate is the finding on a record of a type the API cannot create, whose name the
// organization does not have: the job would fail it.
func cannotCreate(sh *sheets.Sheet, row, col int, name string) sheets.Finding {
	return sheets.Finding{File: sh.File, Row: sheets.RowNumber(row), Col: col,
		Column: sh.Columns[col].Header, Severity: sheets.Error,
		Message: notInOrgMessage(sh.Object, name)}
}

// blocked reports whether the sheet cannot be submitted as it is.
func (c importCheck) blocked() bool { return len(c.own) > 0 || c.records == 0 }

// failingRows is the number of distinct rows that will fail in the organization.
func (c importCheck) failingRows() int { return distinctRows(c.org) }

// ownRows is the number of distinct rows with errors of their own (a whole-file error
// counts as one).
func (c importCheck) ownRows() int { return distinctRows(c.own) }

func distinctRows(fs []sheets.Finding) int {
	rows := map[[2]any]bool{}
	for _, f := range fs {
		rows[[2]any{f.File, f.Row}] = true
	}
	return len(rows)
}

// notInOrgMessage says why a record of a type the API cannot create will fail, in the
// words the job uses.
func notInOrgMessage(obj *catalog.Object, name string) string {
	if obj.Key == "user" {
		return lang.L("User {{.Name}} does not exist in the organization; create them in Control Hub first",
			map[string]any{"Name": name})
	}
	return lang.L("{{.Type}} \"{{.Name}}\" does not exist in the organization; Bulkops can only update existing ones: create it in Control Hub first",
		map[string]any{"Type": lang.L(obj.Title), "Name": name})
}
