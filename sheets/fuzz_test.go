package sheets

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Fuzz targets: reading must never panic, whatever the bytes; a sheet read from CSV
// must come back the same through WriteCSV, and through a protected WriteCSVWith read
// with Unprotect. Run one for a while with
//
//	go test -run=^$ -fuzz=FuzzReadCSV -fuzztime=20s ./sheets/
//
// For FuzzReadXLSX add -fuzzminimizetime=1x: its inputs are whole workbooks, and
// minimizing each new one would take the whole run.

func addFixtures(f *testing.F, pattern string) {
	paths, err := filepath.Glob(fixture(pattern))
	if err != nil || len(paths) == 0 {
		f.Fatalf("no fixtures %s (%v)", pattern, err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzReadCSV(f *testing.F) {
	addFixtures(f, "*.csv")
	addFixtures(f, "*.txt")
	for _, s := range []string{"", "Name\n", "sep=;\nName;Code\n", "Name,\"Code\n", "\xFF\xFEN\x00", "Name\r\n\"\"\r\n", "a,b\n1,2,3\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadCSV(bytes.NewReader(data), "fuzz.csv", ReadOptions{Object: ioObject})
		if err != nil {
			return
		}
		// A header the reader took for Error Message gives rows messages, which only
		// the error file's writer keeps.
		msgs := slices.ContainsFunc(s.Rows, func(r Row) bool { return r.Message != "" })
		var out bytes.Buffer
		if err := writeCSV(&out, s, msgs, WriteOptions{}); err != nil {
			t.Fatalf("read, but cannot write: %v", err)
		}
		roundTrip(t, s, out.Bytes(), ReadOptions{Object: ioObject}, msgs)
		out.Reset() // a file for people: protected formulas, taken off when read back
		if err := writeCSV(&out, s, msgs, WriteOptions{ProtectFormulas: true}); err != nil {
			t.Fatalf("read, but cannot write protected: %v", err)
		}
		roundTrip(t, s, out.Bytes(), ReadOptions{Object: ioObject, Unprotect: true}, msgs)
	})
}

func FuzzReadErrorFile(f *testing.F) {
	addFixtures(f, "controlhub-errors.csv")
	f.Add([]byte("Error Message,Name,Site,Type\r\nbad,T,S,AGENT\r\n"))
	f.Add([]byte("Name;Site;Type;Error Message\r\nT;S;AGENT;\"a;b\"\r\n;;;only a message\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadCSV(bytes.NewReader(data), "fuzz.csv", ReadOptions{})
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteErrorCSV(&out, s); err != nil {
			t.Fatalf("read, but cannot write: %v", err)
		}
		roundTrip(t, s, out.Bytes(), ReadOptions{Object: s.Object}, true)
	})
}

// roundTrip reads what was written and wants the sheet it came from (with its row
// messages if withMessages). Cells holding control characters or CR are left out: the
// writers write control characters as their pictures (␀, ␛), and CRs read as line ends,
// by design.
func roundTrip(t *testing.T, s *Sheet, written []byte, opt ReadOptions, withMessages bool) {
	t.Helper()
	for _, r := range append([][]string{s.Headers(), messages(s)}, table(s)[1:]...) {
		if j := strings.Join(r, ""); strings.ContainsRune(j, '\r') || controlAt(j) >= 0 {
			return
		}
	}
	back, err := ReadCSV(bytes.NewReader(written), "back.csv", opt)
	if err != nil {
		t.Fatalf("cannot read what was written: %v\n%q", err, written)
	}
	if !reflect.DeepEqual(table(back), table(s)) || (withMessages && !reflect.DeepEqual(messages(back), messages(s))) {
		t.Fatalf("round trip changed the sheet:%s %q\nto%s %q", show(table(s)), messages(s), show(table(back)), messages(back))
	}
}

// FuzzReadXLSX reads fuzzed bytes as a workbook, and a real workbook whose first sheet's
// XML is fuzzed: random bytes rarely get past a zip's checksums into excelize's parsing.
func FuzzReadXLSX(f *testing.F) {
	base, err := os.ReadFile(fixture("sites.xlsx"))
	if err != nil {
		f.Fatal(err)
	}
	sheetXML := zipEntry(f, base, "xl/worksheets/sheet1.xml")
	f.Add(base, sheetXML)
	f.Add(workbook(f, ws{"S", [][]any{{"Name", "Error Message", "Phone"}, {"A", "m", 420123456789}, {}, {"B", nil, "+1", "x"}}}),
		[]byte(`<worksheet><sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>Name</t></is></c></row><row r="3"><c r="A3" s="1"><v>1e400</v></c></row></sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, data, sheetXML []byte) {
		for _, b := range [][]byte{data, replaceEntry(t, base, "xl/worksheets/sheet1.xml", sheetXML)} {
			s, err := ReadXLSX(bytes.NewReader(b), "fuzz.xlsx", ReadOptions{Object: ioObject})
			if err != nil {
				continue
			}
			if err := WriteCSV(&bytes.Buffer{}, s); err != nil {
				t.Fatalf("read, but cannot write: %v", err)
			}
		}
	})
}

func zipEntry(t testing.TB, zipBytes []byte, name string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(zipBytes), int64(len(zipBytes)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// replaceEntry returns the zip with entry name's content replaced by body.
func replaceEntry(t testing.TB, zipBytes []byte, name string, body []byte) []byte {
	return rewriteEntry(t, zipBytes, name, func(_ *zip.FileHeader, _, _ []byte) []byte { return nil }, body)
}

// FuzzReadZip reads fuzzed bytes as a zip, and a well-formed zip holding one entry of a
// fuzzed name and content, to reach the name checks and the entry readers.
func FuzzReadZip(f *testing.F) {
	zipped, err := os.ReadFile(fixture("two-parts.zip"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(zipped, "part1.csv", []byte("Name,Phone\r\nA,+420\r\n"))
	f.Add(makeZip(f, zipFile{"../evil.csv", "Name\r\nx\r\n"}), `..\\a.csv`, []byte("Name\r\n"))
	f.Add(makeZip(f, zipFile{"a.csv", "Name;Code\r\n1;2\r\n"}, zipFile{"b.tsv", "Code\tName\r\n3\t4\r\n"}), "/abs.tsv", []byte("Code\tName\r\n3\t4\r\n"))
	f.Fuzz(func(t *testing.T, data []byte, name string, body []byte) {
		var zb bytes.Buffer
		zw := zip.NewWriter(&zb)
		if w, err := zw.Create(name); err == nil {
			w.Write(body)
		}
		zw.Close()
		for _, b := range [][]byte{data, zb.Bytes()} {
			z, err := NewZipReader(bytes.NewReader(b), int64(len(b)), "fuzz.zip")
			if err != nil {
				continue
			}
			ss, err := readZip(z, ReadOptions{Object: ioObject})
			if err != nil {
				continue
			}
			if _, err := Merge("fuzz.zip", ss); err != nil {
				t.Fatalf("entries of one object type do not merge: %v", err)
			}
		}
	})
}

// FuzzReadXLSXParts fuzzes a workbook's shared strings and sheet XML together, the sheet
// referring to the strings by index, under a low text limit; cut > 0 cuts that many
// bytes off the end of the sheet entry's compressed data. Reading must give all of it
// within the limit, or an error: never a sheet cut short, never more text than allowed.
func FuzzReadXLSXParts(f *testing.F) {
	base := workbook(f, ws{"S", [][]any{{"Name", "Description"}, {"A", "x"}}})
	sst, sheet := zipEntry(f, base, "xl/sharedStrings.xml"), zipEntry(f, base, "xl/worksheets/sheet1.xml")
	f.Add(sst, sheet, uint16(0))
	f.Add(sst, sheet, uint16(7))
	long := []byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Name</t></si><si><t>` +
		strings.Repeat("y", 3000) + `</t></si></sst>`)
	var bomb strings.Builder
	bomb.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>`)
	for r := 2; r < 100; r++ {
		fmt.Fprintf(&bomb, `<row r="%d"><c r="A%d" t="s"><v>1</v></c></row>`, r, r)
	}
	f.Add(long, []byte(bomb.String()+`</sheetData></worksheet>`), uint16(0))
	f.Add(long, []byte(bomb.String()), uint16(0)) // not closed
	defer func(m int64) { MaxSheetText = m }(MaxSheetText)
	MaxSheetText = 64 << 10
	f.Fuzz(func(t *testing.T, sst, sheet []byte, cut uint16) {
		b := replaceEntry(t, base, "xl/sharedStrings.xml", sst)
		b = rewriteEntry(t, b, "xl/worksheets/sheet1.xml", func(_ *zip.FileHeader, _, d []byte) []byte {
			return d[:len(d)-min(int(cut), len(d))]
		}, sheet)
		s, err := ReadXLSX(bytes.NewReader(b), "fuzz.xlsx", ReadOptions{Object: ioObject})
		if err != nil {
			return
		}
		if cut > 0 {
			t.Fatalf("a sheet entry cut by %d bytes read as %d rows, no error", cut, len(s.Rows))
		}
		n := int64(0)
		for _, r := range s.Rows {
			for _, c := range r.Cells {
				n += int64(len(c))
			}
		}
		if n > MaxSheetText {
			t.Fatalf("read %d bytes of text, over the limit of %d", n, MaxSheetText)
		}
	})
}

// FuzzReadTruncatedZip: a zip of one CSV whose entry is cut short by cut bytes must be
// refused, whatever the CSV holds; uncut, it reads or fails on its content alone.
func FuzzReadTruncatedZip(f *testing.F) {
	f.Add([]byte("Name,Channel Type\r\nA,CHAT\r\nB,CHAT\r\n"), uint16(1))
	f.Add([]byte("Name\r\n"+strings.Repeat("Site,\r\n", 500)), uint16(40))
	f.Fuzz(func(t *testing.T, body []byte, cut uint16) {
		z := makeZip(t, zipFile{"a.csv", string(body)})
		z = rewriteEntry(t, z, "a.csv", func(_ *zip.FileHeader, _, d []byte) []byte {
			return d[:len(d)-min(int(cut), len(d))]
		})
		zr, err := NewZipReader(bytes.NewReader(z), int64(len(z)), "fuzz.zip")
		if err != nil {
			t.Fatalf("the zip's directory is whole, yet: %v", err)
		}
		ss, err := readZip(zr, ReadOptions{Object: ioObject})
		if cut > 0 && err == nil {
			t.Fatalf("an entry cut by %d bytes read as %d rows, no error", cut, len(ss[0].Rows))
		}
	})
}
