package sheets

import (
	"bytes"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/xuri/excelize/v2"
)

// ioSheet is a sheet of ioObject with values Excel likes to mangle.
func ioSheet() *Sheet {
	s := New(ioObject)
	s.File = "sites.xlsx"
	s.Rows = []Row{
		{Cells: []string{"Praha Žižkov", "=not a formula", "+420123456789", "00123", "TELEPHONY", "ON", "30", "Music on hold number 01", "A|B"}},
		{Cells: []string{"Brno", "line one\nline two", "", "007", "FAX", "", "x", "", ""}},
		{Cells: []string{" spaced ", "", "", "", "CHAT", "OFF", "", "", ""}},
	}
	return s
}

var ioFindings = []Finding{
	{Row: 3, Col: 4, Column: "Channel Type", Severity: Error, Message: "FAX is not a channel type"},
	{Row: 3, Col: 6, Column: "Max Time", Severity: Error, Message: "x is not a whole number"},
	{Row: 3, Col: 6, Column: "Max Time", Severity: Warning, Message: "second finding, same cell"},
	{Row: 4, Col: -1, Severity: Warning, Message: "the row repeats row 2"},
	{Row: 0, Col: -1, Severity: Warning, Message: "the file has 3 rows"},
	{Row: 1, Col: 8, Column: "Teams", Severity: Warning, Message: "header warning"},
}

func writeXLSX(t *testing.T, s *Sheet, fs []Finding) (*excelize.File, []byte) {
	t.Helper()
	return writeXLSXWith(t, s, fs, WriteOptions{})
}

func writeXLSXWith(t *testing.T, s *Sheet, fs []Finding, opt WriteOptions) (*excelize.File, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSXWith(&b, s, fs, opt); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, b.Bytes()
}

// TestXLSXRoundTrip: what WriteXLSX writes, ReadXLSX reads back cell for cell.
func TestXLSXRoundTrip(t *testing.T) {
	for _, s := range []*Sheet{ioSheet(), mustRead(t)(ReadFile(fixture("czech-1250.csv"), ReadOptions{Object: ioObject})),
		mustRead(t)(ReadFile(fixture("controlhub-errors.csv"), ReadOptions{}))} {
		_, b := writeXLSX(t, s, ioFindings)
		back := mustRead(t)(ReadXLSX(bytes.NewReader(b), "back.xlsx", ReadOptions{Object: s.Object}))
		if !reflect.DeepEqual(table(back), table(s)) {
			t.Errorf("%s: cells changed:%s\nto%s", s.File, show(table(s)), show(table(back)))
		}
		if !reflect.DeepEqual(messages(back), messages(s)) {
			t.Errorf("%s: messages %q, want %q", s.File, messages(back), messages(s))
		}
	}
}

func TestXLSXValuesAreText(t *testing.T) {
	f, _ := writeXLSX(t, ioSheet(), nil)
	for _, cell := range []string{"B2", "C2", "D2", "G2"} {
		typ, err := f.GetCellType("IO Site", cell)
		if err != nil || typ != excelize.CellTypeInlineString {
			t.Errorf("%s: type %v (%v), want an inline string", cell, typ, err)
		}
	}
	if formula, _ := f.GetCellFormula("IO Site", "B2"); formula != "" {
		t.Errorf("B2 has formula %q", formula)
	}
}

func TestXLSXNotes(t *testing.T) {
	f, _ := writeXLSX(t, ioSheet(), ioFindings)
	comments, err := f.GetComments("IO Site")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range comments {
		var text strings.Builder
		for _, p := range c.Paragraph {
			text.WriteString(p.Text)
		}
		got[c.Cell] = c.Author + ": " + text.String()
	}
	want := map[string]string{
		"A1": "Bulkops: Required.\nThe site's name, unique in the organization.\nwarning: the file has 3 rows",
		"B1": "Bulkops: Optional.\nFree text.",
		"C1": "Bulkops: Optional.\nA dialable number.",
		"D1": "Bulkops: Optional.\nAn internal code; leading zeros count.",
		"E1": "Bulkops: Required.\nThe kind of contacts.\nValues: TELEPHONY, CHAT, EMAIL, SOCIAL CHANNEL.",
		"F1": "Bulkops: Required when Channel Type is TELEPHONY.\nWhether it takes contacts.\nValues: ON, OFF.",
		"G1": "Bulkops: Optional.\nSeconds.",
		"H1": "Bulkops: Optional.\nMusic in queue.",
		"I1": "Bulkops: Optional.\nTeams.\nValues: A, B.\nSeveral values are separated by |.\nwarning: header warning",
		"E3": "Bulkops: error: FAX is not a channel type",
		"G3": "Bulkops: error: x is not a whole number\nwarning: second finding, same cell",
		"A4": "Bulkops: warning: the row repeats row 2",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("notes:\n got %q\nwant %q", got, want)
	}
}

func TestXLSXStyles(t *testing.T) {
	f, _ := writeXLSX(t, ioSheet(), ioFindings)
	tests := []struct {
		cell   string
		fill   string // "" for none
		text   bool
		bold   bool
		reason string
	}{
		{"A1", "FFEB9C", true, true, "header with a finding about the whole file, a warning"},
		{"B1", "DDEBF7", true, true, "header"},
		{"G1", "DDEBF7", false, true, "integer header"},
		{"C2", "", true, false, "phone: text format"},
		{"G2", "", false, false, "integer: General"},
		{"E3", "FFC7CE", true, false, "error"},
		{"G3", "FFC7CE", false, false, "error and warning: error"},
		{"A4", "FFEB9C", true, false, "row warning"},
		{"E4", "FFEB9C", true, false, "row warning tints the whole row"},
		{"I1", "FFEB9C", true, true, "header warning"},
	}
	for _, tt := range tests {
		id, err := f.GetCellStyle("IO Site", tt.cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		fill := ""
		if len(st.Fill.Color) > 0 {
			fill = strings.ToUpper(st.Fill.Color[0])
		}
		if fill != tt.fill || (st.NumFmt == 49) != tt.text || (st.Font != nil && st.Font.Bold) != tt.bold {
			t.Errorf("%s (%s): fill %q numfmt %d bold %v", tt.cell, tt.reason, fill, st.NumFmt, st.Font != nil && st.Font.Bold)
		}
	}
}

func TestXLSXDropDownsAndLayout(t *testing.T) {
	f, _ := writeXLSX(t, ioSheet(), nil)
	dvs, err := f.GetDataValidations("IO Site")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, dv := range dvs {
		got[dv.Sqref] = dv.Formula1
		if dv.ErrorStyle == nil || *dv.ErrorStyle != "warning" {
			t.Errorf("%s: error style %v, want warning", dv.Sqref, dv.ErrorStyle)
		}
	}
	want := map[string]string{
		"E2:E1048576": `"TELEPHONY,CHAT,EMAIL,SOCIAL CHANNEL"`,
		"F2:F1048576": `"ON,OFF"`,
		"H2:H1048576": `'Lists'!$A$1:$A$40`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("validations %q, want %q", got, want)
	}
	if sheets := f.GetSheetList(); !reflect.DeepEqual(sheets, []string{"IO Site", "Lists"}) {
		t.Errorf("sheets %q", sheets)
	}
	if v, _ := f.GetSheetVisible("Lists"); v {
		t.Error("Lists is visible")
	}
	if v, _ := f.GetCellValue("Lists", "A40"); v != "Music on hold number 40" {
		t.Errorf("Lists!A40 %q", v)
	}
	panes, err := f.GetPanes("IO Site")
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v (%v), want the header row frozen", panes, err)
	}
}

// TestTemplates: a template is New(o) written by WriteXLSX and WriteCSV; each reads
// back as its object type with the catalog's header.
func TestTemplates(t *testing.T) {
	for _, o := range catalog.All() {
		if o.Format != catalog.FormatCSV {
			continue
		}
		_, b := writeXLSX(t, New(o), nil)
		s, err := ReadXLSX(bytes.NewReader(b), o.Key+".xlsx", ReadOptions{Object: o})
		if err != nil {
			t.Errorf("%s: %v", o.Key, err)
			continue
		}
		if !reflect.DeepEqual(s.Headers(), o.Headers()) || len(s.Rows) != 0 {
			t.Errorf("%s: template reads back as %q with %d rows", o.Key, s.Headers(), len(s.Rows))
		}
		var c bytes.Buffer
		if err := WriteCSV(&c, New(o)); err != nil || c.String() != csvLine(o.Headers()) {
			t.Errorf("%s: CSV template %q (%v)", o.Key, c.String(), err)
		}
	}
}

func csvLine(h []string) string {
	var b bytes.Buffer
	s := &Sheet{}
	for _, x := range h {
		s.Columns = append(s.Columns, Column{Header: x})
	}
	WriteCSV(&b, s)
	return b.String()
}

func TestWriteXLSXRefuses(t *testing.T) {
	s := ioSheet()
	s.Rows[1].Cells[1] = strings.Repeat("x", excelize.TotalCellChars+1)
	var b bytes.Buffer
	wantErr(t, WriteXLSX(&b, s, nil), "sites.xlsx:3:Description: the value is 32768 characters long")
	s = ioSheet()
	s.Rows[0].Cells = append(s.Rows[0].Cells, "extra")
	wantErr(t, WriteXLSX(&b, s, nil), "sites.xlsx:2: the row has 10 cells but the sheet has 9 columns")
}

func TestWorksheetName(t *testing.T) {
	tests := map[string]string{
		"Team":                                "Team",
		"Entry Point Mappings":                "Entry Point Mappings",
		"A/B: [x]?":                           "A-B- -x--",
		"A very long object type name indeed": "A very long object type name in",
		"lists":                               "lists 1",
	}
	var got []string
	for title, want := range tests {
		if n := worksheetName(&catalog.Object{Title: title}); n != want {
			got = append(got, title+" → "+n)
		}
	}
	sort.Strings(got)
	if len(got) > 0 || worksheetName(nil) != "Sheet1" {
		t.Errorf("wrong names: %q", got)
	}
}

// TestXLSXNoteLimit: past the budget, cells are still tinted and A1 says how many lack
// a note.
func TestXLSXNoteLimit(t *testing.T) {
	s := New(ioObject)
	var fs []Finding
	for i := 0; i < 50; i++ {
		s.Rows = append(s.Rows, Row{Cells: make([]string, len(s.Columns))})
		fs = append(fs, Finding{Row: RowNumber(i), Col: 0, Severity: Error, Message: "Name is required"})
	}
	f, _ := writeXLSXWith(t, s, fs, WriteOptions{NoteBudget: 100})
	comments, _ := f.GetComments("IO Site")
	var cells []string
	a1 := ""
	for _, c := range comments {
		if c.Cell == "A1" {
			a1 = c.Paragraph[0].Text
		} else if !strings.HasSuffix(c.Cell, "1") || len(c.Cell) > 2 {
			cells = append(cells, c.Cell)
		}
	}
	if !reflect.DeepEqual(cells, []string{"A2", "A3"}) || !strings.HasSuffix(a1, "48 more cells with findings are tinted but have no note: so many notes make the workbook slow.") {
		t.Errorf("notes on %q; A1 %q", cells, a1)
	}
	id, _ := f.GetCellStyle("IO Site", "A51")
	if st, _ := f.GetStyle(id); len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FFC7CE" {
		t.Errorf("A51 not tinted: %+v", st.Fill)
	}
}
