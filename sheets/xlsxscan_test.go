package sheets

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestScannedRowsMatchExcelize: the worksheet scanner gives every cell the text
// excelize's row iterator gives it — shared and inline strings, rich text, escapes,
// numbers in plain and styled cells (General shortens 12 digits), dates, custom and
// text formats, booleans, formulas, errors, gaps between rows and cells.
func TestScannedRowsMatchExcelize(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Sheet1"
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	custom := "yyyy-mm-dd hh:mm"
	dt, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	twoDec, _ := f.NewStyle(&excelize.Style{NumFmt: 2})
	textSection := `0;-0;0;"[" @ "]"`
	ts, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &textSection})
	set := func(cell string, v any, style int) {
		t.Helper()
		if err := f.SetCellValue(sh, cell, v); err != nil {
			t.Fatal(err)
		}
		if style != 0 {
			f.SetCellStyle(sh, cell, cell, style)
		}
	}
	set("A1", "Name", 0)
	set("B1", "Value", 0)
	set("C1", "Other", 0)
	set("A2", "a & b < c \"q\" 'x'", 0)
	set("B2", 420225000999, 0)
	set("C2", 420225000999, bold)
	set("A3", "line1\r\nline2\rline3", 0)
	set("B3", 45000.75, date)
	set("C3", time.Date(2024, 5, 17, 13, 45, 0, 0, time.UTC), dt)
	set("A4", "+420123", text)
	set("B4", 0.1+0.2, twoDec)
	set("C4", true, 0)
	set("D4", "shown in brackets", ts)
	set("A6", "after a gap", 0) // row 5 missing
	set("E6", -12.5, bold)
	set("B7", "x_x000D_y_x005F_x0041_", 0)
	f.SetCellFormula(sh, "C7", `CONCATENATE("a","b")`)
	f.SetCellRichText(sh, "A8", []excelize.RichTextRun{{Text: "rich "}, {Text: "text", Font: &excelize.Font{Bold: true}}})
	set("B8", 12345678901234567890.0, 0)
	set("C8", "ünïcødé ✓", 0)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, want := scanBoth(t, buf.Bytes())
	if !reflect.DeepEqual(got, want) {
		t.Errorf("scanned rows differ from excelize's:\n got %q\nwant %q", got, want)
	}
}

// scanBoth reads the workbook's first sheet with the scanner and with excelize.
func scanBoth(t *testing.T, data []byte) (got, want [][]string) {
	t.Helper()
	read := func(scan bool) [][]string {
		f, _, err := openWorkbook(bytes.NewReader(data), "w.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var src *rowSource
		if scan {
			src, err = xlsxSource(f, "w.xlsx", ReadOptions{SheetName: "Sheet1"}, func() (*Zip, error) {
				return NewZipReader(bytes.NewReader(data), int64(len(data)), "w.xlsx")
			})
		} else {
			src, err = excelizeSource(f, "w.xlsx", "Sheet1")
		}
		if err != nil {
			t.Fatal(err)
		}
		defer src.close()
		rows := [][]string{src.header}
		for {
			n, cells, err := src.next()
			if err == io.EOF {
				return rows
			}
			if err != nil {
				t.Fatal(err)
			}
			rows = append(rows, append([]string{fmt.Sprint(n)}, cells...))
		}
	}
	return read(true), read(false)
}

// TestXMLTokensText: entities, character references, CDATA and comments in a part.
func TestXMLTokensText(t *testing.T) {
	in := `<?xml version="1.0"?><!-- a comment < with > marks --><x:sst xmlns:x="u"><x:si><x:t>a&amp;b&#65;&#x42;</x:t></x:si>` +
		`<si><r><t><![CDATA[<raw>]]></t></r><rPh><t>phonetic</t></rPh><r><t xml:space="preserve"> z</t></r></si><si/></x:sst>`
	got, err := readSharedStrings(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a&bAB", "<raw> z", ""}; !reflect.DeepEqual(got, want) {
		t.Errorf("shared strings %q, want %q", got, want)
	}
	if _, err := readSharedStrings(strings.NewReader(`<sst><si><t>a&bogus;</t></si></sst>`)); err == nil {
		t.Error("an unknown entity read without an error")
	}
}

// TestScannerRefusesBadReference: a cell reference past Excel's columns is an error
// naming it, not a cell put somewhere.
func TestScannerRefusesBadReference(t *testing.T) {
	sc := newSheetScanner(strings.NewReader(`<worksheet><sheetData><row r="1"><c r="ZZZZ1" t="str"><v>x</v></c></row></sheetData></worksheet>`))
	if _, _, err := sc.nextRow(); err == nil || !strings.Contains(err.Error(), "ZZZZ1") {
		t.Errorf("err %v, want one naming ZZZZ1", err)
	}
}

// TestLargeWorkbookReadLight: a workbook whose records sheet and shared strings are
// large is opened in excelize without them, and reads as excelize reads it whole: the
// sheet holding records found among others, every cell's text, a styled number
// formatted.
func TestLargeWorkbookReadLight(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellValue("Sheet1", "A1", "Notes about the teams below")
	f.NewSheet("Teams")
	f.SetSheetRow("Teams", "A1", &[]any{"Name", "Site", "Type", "Capacity"})
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	const n = 6000
	for i := 2; i <= n+1; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		f.SetSheetRow("Teams", cell, &[]any{fmt.Sprintf("Team %06d of the large workbook read light", i), "Site A", "CAPACITY", 420225000000 + i})
	}
	f.SetCellStyle("Teams", "D2", "D2", bold)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	z, err := NewZipReader(bytes.NewReader(data), int64(len(data)), "big.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if skip, ok := largeParts(z); !ok || len(skip) != 2 {
		t.Fatalf("large parts left out %v (ok %v); want the Teams sheet and the shared strings", skip, ok)
	}
	s, err := ReadXLSX(bytes.NewReader(data), "big.xlsx", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := f.GetRows("Teams")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Rows) != n {
		t.Fatalf("%d rows, want %d", len(s.Rows), n)
	}
	for i, r := range s.Rows {
		if !reflect.DeepEqual(r.Cells, want[i+1]) {
			t.Fatalf("row %d: %q, excelize reads %q", i+2, r.Cells, want[i+1])
		}
	}
	if got := s.Rows[0].Cells[3]; got != "4.20225E+11" {
		t.Errorf("the styled number reads %q, want 4.20225E+11 as excelize shows it", got)
	}
}
