package sheets

import (
	"fmt"
	"io"
	"math"
	"math/rand"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// scannedSheet is what the scanner read of a worksheet: each row's number and cells, and
// the error it stopped at.
type scannedSheet struct {
	rows []string
	err  string
	fast int // rows the fast path read
}

// scanSheetXML scans a worksheet part with the fast path on or off.
func scanSheetXML(xml string, fast bool) scannedSheet {
	sc := newSheetScanner(strings.NewReader(xml))
	sc.fast.off = !fast
	var out scannedSheet
	for {
		before := sc.fast.taken
		n, cells, err := sc.nextRow()
		if err == io.EOF {
			return out
		}
		if err != nil {
			out.err = err.Error()
			return out
		}
		if sc.fast.taken > before {
			out.fast++
		}
		out.rows = append(out.rows, fmt.Sprintf("%d %+v", n, cells))
	}
}

func sheetXML(rows ...string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>` +
		strings.Join(rows, "") + `</sheetData><pageMargins left="0.7"/></worksheet>`
}

// fastRowShapes are rows as Excel, LibreOffice, excelize and Bulkops write them, and
// shapes the fast path leaves to the tokenizer.
var fastRowShapes = []struct {
	row  string
	fast bool // the fast path reads it
}{
	{`<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2" t="s"><v>1</v></c><c r="C1"><v>420225000999</v></c></row>`, true},
	{`<row r="2"><c r="A2" t="inlineStr"><is><t>a &amp; b &lt; c &#x42;&#65;</t></is></c><c r="B2" s="4" t="inlineStr"><is><t xml:space="preserve"> padded </t></is></c></row>`, true},
	{`<row r="3"><c r="A3" t="str"><f>CONCATENATE("a","b")</f><v>ab</v></c><c r="B3"><f t="shared" ref="B3:B9" si="0">A3*2</f><v>4</v></c><c r="C3"><f t="shared" si="0"/><v>6</v></c></row>`, true},
	{`<row r="4"><c r="A4" s="3"/><c r="C4" t="b"><v>1</v></c><c r="D4" t="e"><v>#N/A</v></c><c r="E4" s="1"></c></row>`, true},
	{`<row r="5"><c r="A5" t="inlineStr"><is><t>line1` + "\r\n" + `line2` + "\r" + `line3</t></is></c><c r="B5" t="inlineStr"><is><t>x_x000D_y_x005F_x0041_</t></is></c></row>`, true},
	{`<row r="6">` + "\n  " + `<c r="A6">` + "\n    " + `<v>1.5</v>` + "\n  " + `</c>` + "\n" + `<c t="inlineStr"><is><t/></is></c><c><v/></c><c t="inlineStr"><is/></c></row>`, true},
	{`<row r="7"/>`, false},
	{`<row r="9"><c r="A9" t="inlineStr"><is><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r></is></c></row>`, false},
	{`<row r="10"><c r="A10" t="inlineStr"><is><t>ruby</t><rPh sb="0" eb="1"><t>phonetic</t></rPh></is></c></row>`, false},
	{`<row r="11"><c r="A11" t="str"><v><![CDATA[<raw> </row>]]></v></c></row>`, false},
	{`<row r="12"><!-- a comment --><c r="A12"><v>1</v></c></row>`, false},
	{`<x:row r="13"><x:c r="A13" t="s"><x:v>2</x:v></x:c></x:row>`, false},
	{`<row r="14"><c r="A14" t="str" foo='a>b'><v>quoted &gt;</v></c></row>`, false},
	{`<row r="15"><c r="A15" t="d"><v>2024-05-17T13:45:00Z</v></c><c r="B15" t="n"><v>-0.25</v></c></row>`, true},
	{`<row r="16" ><c r="A16" t="str"><v>stray</v>text</c></row >`, false},
	{`<row><c t="str"><v>no references</v></c><c t="str"><v>at all</v></c></row>`, true},
}

// TestFastRowMatchesTokenizer: rows of every shape read the same cells through the fast
// path as through the tokenizer, and the plain shapes do take the fast path.
func TestFastRowMatchesTokenizer(t *testing.T) {
	var rows []string
	wantFast := 0
	for _, s := range fastRowShapes {
		rows = append(rows, s.row)
		if s.fast {
			wantFast++
		}
		one := sheetXML(s.row)
		fast, slow := scanSheetXML(one, true), scanSheetXML(one, false)
		if !reflect.DeepEqual(fast.rows, slow.rows) || fast.err != slow.err {
			t.Errorf("%s\nfast path: %q %v\ntokenizer: %q %v", s.row, fast.rows, fast.err, slow.rows, slow.err)
		}
		if took := fast.fast > 0; took != s.fast {
			t.Errorf("%s: fast path taken %v, want %v", s.row, took, s.fast)
		}
	}
	all := sheetXML(rows...)
	fast, slow := scanSheetXML(all, true), scanSheetXML(all, false)
	if !reflect.DeepEqual(fast, scannedSheet{rows: slow.rows, err: slow.err, fast: wantFast}) {
		t.Errorf("the shapes together:\nfast path: %q %v (%d fast)\ntokenizer: %q %v", fast.rows, fast.err, fast.fast, slow.rows, slow.err)
	}
}

// TestFastRowErrors: a row the fast path cannot read is read by the tokenizer, which
// names what is wrong as it did before.
func TestFastRowErrors(t *testing.T) {
	for _, row := range []string{
		`<row r="1"><c r="ZZZZ1" t="str"><v>x</v></c></row>`,
		`<row r="1"><c r="A1" s="x"><v>1</v></c></row>`,
		`<row r="1"><c r="A1" t="str"><v>a&bogus;</v></c></row>`,
		`<row r="1"><c r="A1" t="str"><v>cut off`,
		`<row r="2000000"><c r="A1"><v>1</v></c></row>`,
	} {
		xml := sheetXML(row)
		if strings.HasSuffix(row, "cut off") {
			xml = `<worksheet><sheetData>` + row
		}
		fast, slow := scanSheetXML(xml, true), scanSheetXML(xml, false)
		if fast.err == "" || fast.err != slow.err || !reflect.DeepEqual(fast.rows, slow.rows) {
			t.Errorf("%s: fast path %q %q, tokenizer %q %q", row, fast.rows, fast.err, slow.rows, slow.err)
		}
	}
}

// TestFastRowAcrossTheBuffer: rows that straddle the reader's buffer, and a row longer
// than the buffer, read as the tokenizer reads them.
func TestFastRowAcrossTheBuffer(t *testing.T) {
	var rows []string
	for i := 1; i <= 5000; i++ {
		text := strings.Repeat("x", i%97)
		rows = append(rows, fmt.Sprintf(`<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="B%d"><v>%d</v></c></row>`, i, i, text, i, i))
	}
	long := strings.Repeat(`<c t="inlineStr"><is><t>a long row of many cells</t></is></c>`, 2000) // > 64 KiB
	rows = append(rows, `<row r="5001">`+long+`</row>`, `<row r="5002"><c t="str"><v>after</v></c></row>`)
	xml := sheetXML(rows...)
	fast, slow := scanSheetXML(xml, true), scanSheetXML(xml, false)
	if !reflect.DeepEqual(fast.rows, slow.rows) || fast.err != slow.err {
		for i := range min(len(fast.rows), len(slow.rows)) {
			if fast.rows[i] != slow.rows[i] {
				t.Fatalf("row %d: fast path %.200q, tokenizer %.200q", i+1, fast.rows[i], slow.rows[i])
			}
		}
		t.Fatalf("fast path %d rows (%v), tokenizer %d (%v)", len(fast.rows), fast.err, len(slow.rows), slow.err)
	}
	if fast.fast != 5001 {
		t.Errorf("%d rows read by the fast path, want all but the long one (5001)", fast.fast)
	}
}

// FuzzFastRow: whatever a row holds, the fast path reads what the tokenizer reads.
func FuzzFastRow(f *testing.F) {
	for _, s := range fastRowShapes {
		f.Add(s.row)
	}
	f.Fuzz(func(t *testing.T, row string) {
		xml := sheetXML(row)
		fast, slow := scanSheetXML(xml, true), scanSheetXML(xml, false)
		if !reflect.DeepEqual(fast.rows, slow.rows) || fast.err != slow.err {
			t.Errorf("%q\nfast path: %q %v\ntokenizer: %q %v", row, fast.rows, fast.err, slow.rows, slow.err)
		}
	})
}

// TestShortestNumberAsParsed: a number taken as it is stored (shortestNumber) reads as
// parsing and formatting it reads; the stored forms that are not shortest are parsed.
func TestShortestNumberAsParsed(t *testing.T) {
	rnd := rand.New(rand.NewSource(1))
	vals := []string{"0", "-0", "1", "-1", "0.5", "00.5", ".5", "5.", "1.10", "007", "+7", "1e5", "1E+11", "0.1", "-0.25",
		"123456789012345", "1234567890123456", "12345678901234567890", "0.30000000000000004", "45000.75", "1.2.3", "-", ""}
	for range 20000 {
		digits := strconv.FormatUint(rnd.Uint64()>>rnd.Intn(64), 10)
		if p := rnd.Intn(len(digits) + 1); p < len(digits) && rnd.Intn(2) == 0 {
			digits = digits[:p] + "." + digits[p:]
		}
		if rnd.Intn(3) == 0 {
			digits = "-" + digits
		}
		vals = append(vals, digits, strconv.FormatFloat(rnd.NormFloat64()*1e6, 'f', -1, 64))
	}
	taken := 0
	for _, v := range vals {
		if got, want := generalNumber(v), parsedNumber(v); got != want {
			t.Errorf("%q reads %q, want %q", v, got, want)
		}
		if shortestNumber(v) {
			taken++
		}
	}
	for _, v := range []string{"420225000999", "-12.5", "0.25", "45000.75"} {
		if !shortestNumber(v) {
			t.Errorf("%q is not taken as it is", v)
		}
	}
	if taken < len(vals)/4 {
		t.Errorf("only %d of %d numbers taken as they are", taken, len(vals))
	}
}

// sharedStringsXML is a shared-strings part of the given entries.
func sharedStringsXML(entries ...string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">` +
		strings.Join(entries, "") + `</sst>`
}

// TestFastStringsMatchTokenizer: a shared-strings table of every shape of entry, and
// one larger than the reader's buffer, reads the same through the fast path as through
// the tokenizer, and the plain entries do take the fast path.
func TestFastStringsMatchTokenizer(t *testing.T) {
	shapes := []string{
		`<si><t>plain</t></si>`, `<si><t xml:space="preserve"> padded </t></si>`, `<si/>`, `<si><t/></si>`,
		`<si><t>a &amp; b &#x42;` + "\r\n" + `x_x000D_y</t></si>`, "\n  <si>\n <t>spaced</t>\n</si>",
		`<si><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r></si>`,
		`<si><t>ruby</t><rPh sb="0" eb="1"><t>phonetic</t></rPh></si>`,
		`<si><t><![CDATA[<raw>]]></t></si>`, `<!-- a comment -->`, `<x:si><x:t>prefixed</x:t></x:si>`,
		`<si><t>after the others</t></si>`,
	}
	var many []string
	for i := range 20000 {
		many = append(many, fmt.Sprintf(`<si><t>entry %d %s</t></si>`, i, strings.Repeat("y", i%50)))
		if i%997 == 0 {
			many = append(many, shapes...)
		}
	}
	for _, xml := range []string{sharedStringsXML(shapes...), sharedStringsXML(many...), sharedStringsXML(`<si><t>bad &bogus;</t></si>`)} {
		fast := &fastRowState{}
		got, gerr := scanSharedStrings(strings.NewReader(xml), fast)
		want, werr := scanSharedStrings(strings.NewReader(xml), &fastRowState{off: true})
		if !reflect.DeepEqual(got, want) || fmt.Sprint(gerr) != fmt.Sprint(werr) {
			t.Errorf("fast path %d strings (%v), tokenizer %d (%v)", len(got), gerr, len(want), werr)
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Fatalf("entry %d: fast path %q, tokenizer %q", i, got[i], want[i])
				}
			}
		}
		if gerr == nil && fast.taken == 0 {
			t.Errorf("the fast path was not taken")
		}
	}
}

// TestGeneralNumbersAsExcelize: a number in a styled cell of General format that the
// reader shows as stored (xlsxCells.number) is what excelize's formatting shows; longer
// ones and those of other formats are formatted by excelize.
func TestGeneralNumbersAsExcelize(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	twoDec, _ := f.NewStyle(&excelize.Style{NumFmt: 2})
	x := &xlsxCells{f: f}
	rnd := rand.New(rand.NewSource(2))
	vals := []string{"1", "-1", "99999999999", "-9999999999", "-99999999999", "100000000000", "0.00001", "-0.0001", "0.5", "1.25"}
	for range 3000 {
		vals = append(vals, strconv.FormatInt(rnd.Int63n(1<<uint(rnd.Intn(40)+1))-rnd.Int63n(1000), 10),
			strconv.FormatFloat(rnd.NormFloat64()*math.Pow(10, float64(rnd.Intn(12)-6)), 'f', -1, 64),
			strconv.FormatFloat(float64(rnd.Intn(100000))/float64(1+rnd.Intn(1000)), 'f', -1, 64))
	}
	shown := 0
	for _, v := range vals {
		v = generalNumber(v)
		for _, style := range []int{bold, twoDec} {
			c := &rawCell{style: style, v: v}
			got, err := x.number(c, v)
			want, werr := x.formatted(style, v, false)
			if got != want || err != nil || werr != nil {
				t.Errorf("style %d, %q reads %q, excelize shows %q (%v, %v)", style, v, got, want, err, werr)
			}
			if got == v && style == bold {
				shown++
			}
		}
	}
	if shown < len(vals)/4 {
		t.Errorf("only %d of %d numbers shown as stored", shown, len(vals))
	}
}

// FuzzFastStrings: whatever a shared-strings table holds, the fast path reads what the
// tokenizer reads.
func FuzzFastStrings(f *testing.F) {
	f.Add(`<si><t>plain</t></si><si/><si><t xml:space="preserve"> a </t></si>`)
	f.Add(`<si><r><t>rich</t></r></si><si><t>a &amp; b</t></si>`)
	f.Add("<si>\n<t>x_x000D_</t>\n</si><!-- c --><si><t/></si>")
	f.Fuzz(func(t *testing.T, entries string) {
		xml := sharedStringsXML(entries)
		got, gerr := scanSharedStrings(strings.NewReader(xml), &fastRowState{})
		want, werr := scanSharedStrings(strings.NewReader(xml), &fastRowState{off: true})
		if !reflect.DeepEqual(got, want) || fmt.Sprint(gerr) != fmt.Sprint(werr) {
			t.Errorf("%q\nfast path: %q %v\ntokenizer: %q %v", entries, got, gerr, want, werr)
		}
	})
}
