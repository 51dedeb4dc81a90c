package sheets

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes the sheet as a workbook to edit in Excel: the header row frozen and
// bold, a note on each header cell with the column's description (and whether it is
// required), drop-down lists on columns with a fixed set of values, text format on the
// columns where Excel would otherwise eat a leading + or zero, and each cell with a
// finding tinted (errors red, warnings yellow) with the messages in its note. Every
// value is written as text, never as a number or formula. Rows with a Message (an
// error file) get an Error Message column, which ReadXLSX takes back into Row.Message.
//
// Rows are streamed; excelize allows data validations before the stream and notes after
// its Flush (see reference/ecosystem.md §2), so that is the order below.
func WriteXLSX(w io.Writer, s *Sheet, findings []Finding) error {
	return WriteXLSXWith(w, s, findings, WriteOptions{})
}

// WriteXLSXWith is WriteXLSX with options (NoteBudget).
func WriteXLSXWith(w io.Writer, s *Sheet, findings []Finding, opt WriteOptions) error {
	if err := checkWidths(s); err != nil {
		return err
	}
	x := newXLSXWriter(excelize.NewFile(), s, worksheetName(s.Object), findings, opt)
	defer x.f.Close()
	origin := func() error { return setOrigin(x.f, s.Origin) } // an export's organization (Origin)
	steps := []func() error{x.rename, x.makeStyles, x.dropDowns, x.writeLists, x.rows, x.notes, origin}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	var b bytes.Buffer
	if err := x.f.Write(&b); err != nil {
		return err
	}
	std, err := standardXLSX(b.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(std)
	return err
}

// newXLSXWriter writes sheet s as worksheet name of f.
func newXLSXWriter(f *excelize.File, s *Sheet, name string, findings []Finding, opt WriteOptions) *xlsxWriter {
	x := &xlsxWriter{f: f, s: s, name: name, styles: map[styleKey]int{}, noteBudget: opt.NoteBudget, lists: new([][]string)}
	x.cols = s.Columns
	if hasMessages(s) {
		x.cols = append(append([]Column(nil), s.Columns...), Column{Header: ErrorMessageHeader})
	}
	x.marks = markFindings(s, findings)
	return x
}

type xlsxWriter struct {
	f      *excelize.File
	s      *Sheet
	name   string   // the worksheet
	cols   []Column // the sheet's columns, plus Error Message when rows have messages
	marks  marks
	styles map[styleKey]int
	// noteBudget bounds notes × rows (noteLimit); 0 means defaultNoteBudget.
	noteBudget int
	// lists are the drop-down lists the hidden Lists sheet holds, one a column; the
	// worksheets of one workbook share them (WriteWorkbook).
	lists *[][]string
}

func hasMessages(s *Sheet) bool {
	for _, r := range s.Rows {
		if r.Message != "" {
			return true
		}
	}
	return false
}

// worksheetName is the object type's title, within Excel's rules for sheet names.
func worksheetName(o *catalog.Object) string {
	if o == nil || o.Title == "" {
		return "Sheet1"
	}
	n := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, o.Title)
	if r := []rune(n); len(r) > 31 {
		n = string(r[:31])
	}
	if strings.EqualFold(n, listsSheet) {
		n += " 1"
	}
	return n
}

func (x *xlsxWriter) rename() error { return x.f.SetSheetName("Sheet1", x.name) }

// rows streams the header and the records, each cell styled by its column and findings.
func (x *xlsxWriter) rows() error {
	sw, err := x.f.NewStreamWriter(x.name)
	if err != nil {
		return err
	}
	if err := x.layout(sw); err != nil {
		return err
	}
	row := make([]any, len(x.cols))
	for i, c := range x.cols {
		row[i] = excelize.Cell{StyleID: x.style(true, textColumn(c), x.marks.severity(1, i)), Value: outField(c.Header, WriteOptions{})}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	for i, r := range x.s.Rows {
		n := RowNumber(i)
		for j, c := range x.cols {
			v := r.Message
			if j < len(x.s.Columns) {
				v = cellAt(r.Cells, j)
			}
			if utf16Len(v) > excelize.TotalCellChars {
				return fmt.Errorf("%s:%d:%s: the value is %d characters long; an Excel cell holds at most %d",
					x.s.File, n, c.Header, utf16Len(v), excelize.TotalCellChars)
			}
			// XML cannot hold control characters: written as their pictures, as in CSV.
			row[j] = excelize.Cell{StyleID: x.style(false, textColumn(c), x.marks.severity(n, j)), Value: outField(v, WriteOptions{})}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// layout freezes the header row, sizes the columns and gives text columns the text
// format, so a value typed into a new row keeps its + and leading zeros too.
func (x *xlsxWriter) layout(sw *excelize.StreamWriter) error {
	err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
	for i, c := range x.cols {
		if err == nil {
			err = sw.SetColWidth(i+1, i+1, x.width(i))
		}
		if err == nil && textColumn(c) {
			err = sw.SetColStyle(i+1, i+1, x.style(false, true, 0))
		}
	}
	return err
}

// width fits a column to its header and the first rows, within reason.
func (x *xlsxWriter) width(c int) float64 {
	w := len([]rune(x.cols[c].Header)) + 4 // room for the filter-less header's bold face
	for i := 0; i < len(x.s.Rows) && i < 100; i++ {
		v := x.s.Rows[i].Message
		if c < len(x.s.Columns) {
			v = cellAt(x.s.Rows[i].Cells, c)
		}
		w = max(w, len([]rune(v))+2)
	}
	return float64(min(max(w, 10), 50))
}

func cellAt(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// textColumn tells the columns Excel must keep as typed: all but numbers. A phone
// number, an ID or a code in a General column loses its + and leading zeros, a date
// or time turns into the locale's spelling.
func textColumn(c Column) bool {
	if c.Spec == nil {
		return true
	}
	return c.Spec.Type != catalog.Integer && c.Spec.Type != catalog.Decimal
}

type styleKey struct {
	header, text bool
	sev          int
}

// makeStyles creates every cell style the sheet may use: header or not, text format or
// not, and no finding, a warning or an error.
func (x *xlsxWriter) makeStyles() error {
	for _, header := range []bool{false, true} {
		for _, text := range []bool{false, true} {
			for sev := 0; sev <= 2; sev++ {
				id, err := x.f.NewStyle(cellStyle(header, text, sev))
				if err != nil {
					return err
				}
				x.styles[styleKey{header, text, sev}] = id
			}
		}
	}
	return nil
}

// style returns the style of a cell; sev is 0 for none, 1 a warning, 2 an error.
func (x *xlsxWriter) style(header, text bool, sev int) int {
	return x.styles[styleKey{header, text, sev}]
}

func cellStyle(header, text bool, sev int) *excelize.Style {
	st := &excelize.Style{Font: &excelize.Font{Bold: header}}
	if text {
		st.NumFmt = 49 // "@"
	}
	switch {
	case sev == 2: // Excel's own "Bad" colours
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}
		st.Font.Color = "9C0006"
	case sev == 1: // Excel's "Neutral"
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFEB9C"}}
		st.Font.Color = "9C5700"
	case header:
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}
	}
	return st
}
