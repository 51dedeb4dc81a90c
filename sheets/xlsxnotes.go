package sheets

import (
	"fmt"
	"sort"
	"strings"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/xuri/excelize/v2"
)

// marks are the findings placed on the cells of a workbook: key {row, column index},
// column -1 for a finding about a whole row. Findings about the whole file go on A1.
type marks map[[2]int]*mark

type mark struct {
	sev  int // 1 warning, 2 error
	msgs []string
}

// noteAuthor signs the notes the app writes.
const noteAuthor = "Bulkops"

func markFindings(s *Sheet, fs []Finding) marks {
	m := marks{}
	last := RowNumber(len(s.Rows) - 1)
	for _, f := range fs {
		row, col, msg := f.Row, f.Col, f.Severity.String()+": "+f.Message
		switch {
		case row < 1 || row > last:
			if row > last {
				msg = fmt.Sprintf("row %d: %s", row, msg)
			}
			row, col = 1, 0
		case col < 0 || col >= len(s.Columns):
			col = -1
		}
		k := [2]int{row, col}
		if m[k] == nil {
			m[k] = &mark{}
		}
		m[k].msgs = append(m[k].msgs, msg)
		m[k].sev = max(m[k].sev, sevLevel(f.Severity))
	}
	return m
}

func sevLevel(s Severity) int {
	if s == Warning {
		return 1
	}
	return 2
}

// severity is the tint of a cell: its own findings and its row's.
func (m marks) severity(row, col int) int {
	sev := 0
	for _, k := range [][2]int{{row, col}, {row, -1}} {
		if mk := m[k]; mk != nil {
			sev = max(sev, mk.sev)
		}
	}
	return sev
}

// notes adds a note to each header cell (the column's description and findings) and to
// each cell with findings. A row's findings go on its first cell.
func (x *xlsxWriter) notes() error {
	text := map[[2]int][]string{}
	var cells [][2]int // data cells with findings
	for k, mk := range x.marks {
		k[1] = max(k[1], 0)
		if text[k] == nil && k[0] > 1 {
			cells = append(cells, k)
		}
		text[k] = append(text[k], mk.msgs...)
	}
	sort.Slice(cells, func(i, j int) bool {
		return cells[i][0] < cells[j][0] || (cells[i][0] == cells[j][0] && cells[i][1] < cells[j][1])
	})
	if limit := noteLimit(len(x.s.Rows), x.noteBudget); len(cells) > limit {
		text[[2]int{1, 0}] = append(text[[2]int{1, 0}], fmt.Sprintf(
			"%d more cells with findings are tinted but have no note: so many notes make the workbook slow.", len(cells)-limit))
		cells = cells[:limit]
	}
	var header [][2]int
	for i, c := range x.cols {
		k := [2]int{1, i}
		if n := headerNote(c, x.s.Object); n != "" {
			text[k] = append([]string{n}, text[k]...)
		}
		if len(text[k]) > 0 {
			header = append(header, k)
		}
	}
	for _, k := range append(header, cells...) {
		cell, _ := excelize.CoordinatesToCellName(k[1]+1, k[0])
		if err := x.f.AddComment(x.name, note(cell, text[k])); err != nil {
			return err
		}
	}
	return nil
}

// defaultNoteBudget bounds notes × rows (WriteOptions.NoteBudget): excelize places each
// note by scanning every row, so a workbook of 5,000 rows (Control Hub's most) with a
// note on each takes about a second.
const defaultNoteBudget = 25_000_000

// noteLimit is how many cells with findings get a note in a sheet of so many rows, within
// budget (0: the default).
func noteLimit(rows, budget int) int {
	if budget <= 0 {
		budget = defaultNoteBudget
	}
	return min(budget/max(rows, 1), 10_000)
}

// maxNote keeps a note within what Excel holds (32,512 characters per comment).
const maxNote = 32000

func note(cell string, lines []string) excelize.Comment {
	t := strings.Join(lines, "\n")
	if r := []rune(t); len(r) > maxNote {
		t = string(r[:maxNote]) + "…"
	}
	n := strings.Count(t, "\n") + 1 + len(t)/45 // lines once wrapped
	return excelize.Comment{Cell: cell, Author: noteAuthor, Width: 320, Height: uint(min(40+15*n, 400)),
		Paragraph: []excelize.RichTextRun{{Text: t}}}
}

// headerNote says what a column is for: required or not, its description, the values it
// takes. Nothing for a column the catalog does not know (its findings say so).
func headerNote(c Column, o *catalog.Object) string {
	sp := c.Spec
	if sp == nil {
		if c.Header == ErrorMessageHeader {
			return "Why Control Hub or the job refused the row. Not sent; fix the row and submit it again."
		}
		return ""
	}
	var lines []string
	switch {
	case sp.Required:
		lines = append(lines, "Required.")
	case len(sp.RequiredWhen) > 0:
		lines = append(lines, "Required when "+conditions(sp.RequiredWhen)+".")
	default:
		lines = append(lines, "Optional.")
	}
	if sp.Description != "" {
		lines = append(lines, sp.Description)
	}
	if vals := AllowedValues(sp); len(vals) > 0 && len(vals) <= 30 {
		lines = append(lines, "Values: "+strings.Join(vals, ", ")+".")
	}
	if sp.List {
		lines = append(lines, "Several values are separated by "+catalog.ListSeparator+".")
	}
	return strings.Join(lines, "\n")
}

func conditions(cs []catalog.Condition) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		if len(c.In) > 0 {
			parts[i] = c.Column + " is " + strings.Join(c.In, " or ")
		} else {
			parts[i] = c.Column + " is filled"
		}
	}
	return strings.Join(parts, ", or ")
}
