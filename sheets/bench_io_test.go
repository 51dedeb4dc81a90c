package sheets

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// Benchmarks of reading 100,000 user rows. Run with
//
//	go test -run=^$ -bench=100k -benchmem ./sheets/
//
// Besides ns/op and B/op they report file-MB (the file's size) and live-MB (the heap a
// read sheet holds once garbage is collected): live-MB near the size of the text means
// the data is held once.

const benchRows = 100_000

func userRow(i int) []string {
	return []string{fmt.Sprintf("agent%06d@example.com", i), "Agent Profile", "ON", "Praha Žižkov",
		"Team A|Team B", "Skills Basic", "Desktop Default", "Multimedia", fmt.Sprintf("EXT-%06d", i), fmt.Sprintf("+420%09d", i)}
}

func benchUser(b *testing.B) *catalog.Object {
	o, ok := catalog.Lookup("user")
	if !ok {
		b.Fatal("catalog has no user")
	}
	return o
}

// writeUsersCSV writes the benchmark file, in Windows-1250 with semicolons if cp1250.
func writeUsersCSV(b *testing.B, cp1250 bool) string {
	path := filepath.Join(b.TempDir(), "users.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	var w io.Writer = f
	sep := ","
	if cp1250 {
		w, sep = charmap.Windows1250.NewEncoder().Writer(f), ";"
	}
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, strings.Join(benchUser(b).Headers()[:10], sep)+"\r\n")
	for i := 0; i < benchRows; i++ {
		fmt.Fprint(bw, strings.Join(userRow(i), sep)+"\r\n")
	}
	if err := bw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

func BenchmarkReadCSV100k(b *testing.B) {
	for _, cp1250 := range []bool{false, true} {
		name := "utf-8"
		if cp1250 {
			name = "windows-1250"
		}
		b.Run(name, func(b *testing.B) {
			benchRead(b, writeUsersCSV(b, cp1250))
		})
	}
}

func BenchmarkReadXLSX100k(b *testing.B) {
	path := writeUsersXLSX(b, false)
	b.Run("inline", func(b *testing.B) { benchRead(b, path) })
	b.Run("shared", func(b *testing.B) { benchRead(b, withSharedStrings(b, path)) })
	b.Run("styled", func(b *testing.B) { benchRead(b, writeUsersXLSX(b, true)) })
}

// writeUsersXLSX writes the benchmark's workbook as excelize streams one: the phones
// typed as numbers; when styled, as national numbers in cells of a bold style (General
// format), as a spreadsheet keeps a formatted column.
func writeUsersXLSX(b *testing.B, styled bool) string {
	path := filepath.Join(b.TempDir(), "users.xlsx")
	f := excelize.NewFile()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		b.Fatal(err)
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	row := make([]any, 10)
	for i, h := range benchUser(b).Headers()[:10] {
		row[i] = h
	}
	sw.SetRow("A1", row)
	for i := 0; i < benchRows; i++ {
		for j, v := range userRow(i) {
			row[j] = v
		}
		row[9] = 420000000000 + i // a phone typed as a number
		if styled {               // a national number, 9 digits: General shows it as typed
			row[9] = excelize.Cell{StyleID: bold, Value: 420000000 + i}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	f.Close()
	return path
}

// withSharedStrings writes a copy of a workbook excelize streamed (its text in inline
// strings) as Excel saves one: the text in a shared-strings part, each cell an index.
func withSharedStrings(b *testing.B, path string) string {
	zr, err := zip.OpenReader(path)
	if err != nil {
		b.Fatal(err)
	}
	defer zr.Close()
	out := filepath.Join(b.TempDir(), "shared.xlsx")
	of, err := os.Create(out)
	if err != nil {
		b.Fatal(err)
	}
	zw := zip.NewWriter(of)
	index := map[string]int{}
	var sst strings.Builder
	inline := regexp.MustCompile(`t="inlineStr"><is><t>([^<]*)</t></is>`)
	for _, e := range zr.File {
		body, err := readZipFile(e)
		if err != nil {
			b.Fatal(err)
		}
		text := string(body)
		switch e.Name {
		case "xl/worksheets/sheet1.xml":
			text = inline.ReplaceAllStringFunc(text, func(m string) string {
				t := inline.FindStringSubmatch(m)[1]
				i, ok := index[t]
				if !ok {
					i = len(index)
					index[t] = i
					sst.WriteString("<si><t>" + t + "</t></si>")
				}
				return fmt.Sprintf(`t="s"><v>%d</v>`, i)
			})
		case "[Content_Types].xml":
			text = strings.Replace(text, "</Types>", `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`, 1)
		case "xl/_rels/workbook.xml.rels":
			text = strings.Replace(text, "</Relationships>", `<Relationship Id="rId99" Target="sharedStrings.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>`, 1)
		}
		w, _ := zw.Create(e.Name)
		w.Write([]byte(text))
	}
	w, _ := zw.Create("xl/sharedStrings.xml")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>`, len(index), len(index), sst.String())
	if err := zw.Close(); err != nil {
		b.Fatal(err)
	}
	if err := of.Close(); err != nil {
		b.Fatal(err)
	}
	return out
}

func benchRead(b *testing.B, path string) {
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var s *Sheet
	for b.Loop() {
		if s, err = ReadFile(path, ReadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	if last := s.Cell(benchRows-1, 9); len(s.Rows) != benchRows || s.Object.Key != "user" || last != fmt.Sprintf("+420%09d", benchRows-1) &&
		last != fmt.Sprint(420000000000+benchRows-1) && last != fmt.Sprint(420000000+benchRows-1) {
		b.Fatalf("read %d rows of %v, last phone %q", len(s.Rows), s.Object.Key, s.Cell(benchRows-1, 9))
	}
	s = nil
	b.ReportMetric(float64(fi.Size())/(1<<20), "file-MB")
	b.ReportMetric(liveMB(func() any { s, _ := ReadFile(path, ReadOptions{}); return s }), "live-MB")
}

// liveMB is the heap that what make returns keeps alive.
func liveMB(make func() any) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := make()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
}

// BenchmarkWriteXLSX5kFindings writes a full Control Hub file (5,000 rows) with a finding
// on every row, each a tinted cell with a note.
func BenchmarkWriteXLSX5kFindings(b *testing.B) {
	s := New(ioObject)
	var fs []Finding
	for i := 0; i < 5000; i++ {
		s.Rows = append(s.Rows, Row{Cells: []string{fmt.Sprintf("Site %d", i), "d", "+420123456789", "00123", "FAX", "ON", "30", "", ""}})
		fs = append(fs, Finding{Row: RowNumber(i), Col: 4, Severity: Error, Message: "FAX is not a channel type"})
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteXLSX(io.Discard, s, fs); err != nil {
			b.Fatal(err)
		}
	}
}
