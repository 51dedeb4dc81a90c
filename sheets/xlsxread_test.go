package sheets

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// workbook builds an XLSX in memory from rows of cell values per sheet, in order.
func workbook(t testing.TB, sheets ...struct {
	name string
	rows [][]any
}) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, ws := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", ws.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(ws.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range ws.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(ws.name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

type ws = struct {
	name string
	rows [][]any
}

// TestReadXLSXNumbersAsShown: a phone number typed as a number reads as its digits,
// never 4.2E+11; text keeps its + and leading zeros.
func TestReadXLSXNumbersAsShown(t *testing.T) {
	b := workbook(t, ws{"Sites", [][]any{
		{"Name", "Phone", "Code", "Max Time"},
		{"A", 420123456789, "00123", 30},
		{"B", "+420123456789", "007", 12.5},
		{"C", int64(4201234567890), true, nil},
	}})
	s := mustRead(t)(ReadXLSX(bytes.NewReader(b), "in.xlsx", ReadOptions{Object: ioObject}))
	wantTable(t, s, [][]string{
		{"Name", "Phone", "Code", "Max Time"},
		{"A", "420123456789", "00123", "30"},
		{"B", "+420123456789", "007", "12.5"},
		{"C", "4201234567890", "TRUE", ""},
	})
}

func TestReadXLSXPicksSheet(t *testing.T) {
	b := workbook(t,
		ws{"First", [][]any{{"Name", "Code"}, {"one", "1"}}},
		ws{"Second", [][]any{{"Name", "Code"}, {"two", "2"}}})
	tests := []struct {
		sheet string
		want  string
	}{{"First", "one"}, {"Second", "two"}, {"second", "two"}}
	for _, tt := range tests {
		s := mustRead(t)(ReadXLSX(bytes.NewReader(b), "in.xlsx", ReadOptions{Object: ioObject, SheetName: tt.sheet}))
		if got := s.Cell(0, 0); got != tt.want {
			t.Errorf("sheet %q: %q, want %q", tt.sheet, got, tt.want)
		}
	}
	_, err := ReadXLSX(bytes.NewReader(b), "in.xlsx", ReadOptions{Object: ioObject, SheetName: "Third"})
	wantErr(t, err, `in.xlsx: has no sheet "Third"; its sheets are First, Second`)
	_, err = ReadXLSX(bytes.NewReader(b), "in.xlsx", ReadOptions{Object: ioObject})
	wantErr(t, err, `"First", "Second"`) // both hold records: neither is read alone
}

func TestReadXLSXSkipsHiddenFirstSheet(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Name"})
	f.NewSheet("Visible")
	f.SetSheetRow("Visible", "A1", &[]any{"Name", "Code"})
	f.SetSheetRow("Visible", "A2", &[]any{"seen", "1"})
	f.SetActiveSheet(1)
	if err := f.SetSheetVisible("Sheet1", false); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	f.WriteTo(&b)
	s := mustRead(t)(ReadXLSX(&b, "in.xlsx", ReadOptions{Object: ioObject}))
	wantTable(t, s, [][]string{{"Name", "Code"}, {"seen", "1"}})
}

func TestReadXLSXErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want []string
	}{
		{"not a workbook", []byte("Name,Code\n"), []string{"in.xlsx: not a readable XLSX workbook"}},
		{"empty sheet", workbook(t, ws{"S", nil}), []string{`in.xlsx: sheet "S" is empty`}},
		{"header not in row 1", workbook(t, ws{"S", [][]any{{}, {"Name"}}}), []string{"in.xlsx:1: the first row is empty"}},
		{"cell right of header", workbook(t, ws{"S", [][]any{{"Name", "Code"}, {"A", "1", "", "note"}}}),
			[]string{"in.xlsx:2: 4 cells, but the header has 2 (columns C to D have no header)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadXLSX(bytes.NewReader(tt.in), "in.xlsx", ReadOptions{Object: ioObject})
			wantErr(t, err, tt.want...)
		})
	}
}

func TestReadXLSXErrorMessageColumn(t *testing.T) {
	b := workbook(t, ws{"S", [][]any{{"Name", "Error Message", "Code"}, {"A", "Bad code", "x"}}})
	s := mustRead(t)(ReadXLSX(bytes.NewReader(b), "in.xlsx", ReadOptions{Object: ioObject}))
	wantTable(t, s, [][]string{{"Name", "Code"}, {"A", "x"}})
	if s.Rows[0].Message != "Bad code" {
		t.Errorf("message %q", s.Rows[0].Message)
	}
}

// TestReadXLSXSizeLimit: a workbook is a zip, held to the zip limits.
func TestReadXLSXSizeLimit(t *testing.T) {
	rows := [][]any{{"Name", "Description"}}
	for i := 0; i < 200; i++ {
		rows = append(rows, []any{"n", strings.Repeat(string(rune('a'+i%26)), 1000) + fmt.Sprint(i)})
	}
	b := workbook(t, ws{"S", rows})
	old := ZipLimits
	defer func() { ZipLimits = old }()
	ZipLimits.MaxTotal = 100 << 10
	_, err := ReadXLSX(bytes.NewReader(b), "big.xlsx", ReadOptions{Object: ioObject})
	wantErr(t, err, "big.xlsx: the workbook unpacks to more than 100 KB; refused")
}
