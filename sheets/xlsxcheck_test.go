package sheets

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bombWorkbook is the shared-strings bomb of issue 10: one text of textLen characters,
// kept once in the shared strings, used by every cell of rows×cols. The sheet XML is
// written by hand (excelize would take minutes to set 600,000 cells).
func bombWorkbook(t testing.TB, textLen, rows, cols int) []byte {
	t.Helper()
	base := workbook(t, ws{"S", [][]any{{"Name", "Description", "Code"}, {strings.Repeat("x", textLen)}}})
	var x bytes.Buffer
	x.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	x.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`)
	for r := 2; r < rows+2; r++ {
		fmt.Fprintf(&x, `<row r="%d">`, r)
		for c := 0; c < cols; c++ {
			fmt.Fprintf(&x, `<c r="%c%d" t="s"><v>3</v></c>`, 'A'+c, r)
		}
		x.WriteString(`</row>`)
	}
	x.WriteString(`</sheetData></worksheet>`)
	return replaceEntry(t, base, "xl/worksheets/sheet1.xml", x.Bytes())
}

// TestReadXLSXSharedStringsBomb: 600,000 cells of one 30,000-character shared text are
// refused after the first 200 MB of text, with the file, the row reached and the limit.
func TestReadXLSXSharedStringsBomb(t *testing.T) {
	b := bombWorkbook(t, 30000, 200000, 3)
	if len(b) > 4<<20 {
		t.Fatalf("the bomb is %d bytes; it should be small on disk", len(b))
	}
	path := filepath.Join(t.TempDir(), "bomb.xlsx")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path, ReadOptions{Object: ioObject})
	wantErr(t, err, path+":2332: the cells up to this row hold more than 200 MB of text, the most one sheet may hold; refused")
	_, err = ReadXLSX(bytes.NewReader(b), "bomb.xlsx", ReadOptions{Object: ioObject})
	wantErr(t, err, "bomb.xlsx:2332:", "200 MB of text")
	// The same in a zip of workbooks.
	zpath := filepath.Join(t.TempDir(), "bombs.zip")
	if err := os.WriteFile(zpath, makeZip(t, zipFile{"bomb.xlsx", string(b)}), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = ReadFile(zpath, ReadOptions{Object: ioObject})
	wantErr(t, err, zpath+"!bomb.xlsx:2332:", "200 MB of text")
}

// TestReadXLSXTextWithinLimit: a workbook under the limit reads whole, long texts and all.
func TestReadXLSXTextWithinLimit(t *testing.T) {
	defer func(m int64) { MaxSheetText = m }(MaxSheetText)
	MaxSheetText = 1 << 20
	s := mustRead(t)(ReadXLSX(bytes.NewReader(bombWorkbook(t, 1000, 300, 3)), "ok.xlsx", ReadOptions{Object: ioObject}))
	if len(s.Rows) != 300 || len(s.Rows[299].Cells[2]) != 1000 {
		t.Fatalf("read %d rows", len(s.Rows))
	}
	_, err := ReadXLSX(bytes.NewReader(bombWorkbook(t, 1000, 400, 3)), "big.xlsx", ReadOptions{Object: ioObject})
	wantErr(t, err, "big.xlsx:351: the cells up to this row hold more than 1 MB of text")
}

// rowsWorkbook is a workbook of a header and n rows.
func rowsWorkbook(t testing.TB, n int) []byte {
	rows := [][]any{{"Name", "Description", "Code"}}
	for i := 1; i <= n; i++ {
		rows = append(rows, []any{fmt.Sprintf("Site %04d", i), "A description long enough to compress", fmt.Sprint(i)})
	}
	return workbook(t, ws{"Sites", rows})
}

// rewriteEntry returns the zip with entry name written raw by raw (given the entry's
// header, its content and the content deflated): a way to damage one entry. When raw
// returns nil the content is written deflated; a replacement content may be given.
func rewriteEntry(t testing.TB, zipBytes []byte, name string, raw func(fh *zip.FileHeader, body, deflated []byte) []byte, replace ...[]byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(zipBytes), int64(len(zipBytes)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name != name {
			w, _ := zw.Create(f.Name)
			w.Write(body)
			continue
		}
		if len(replace) > 0 {
			body = replace[0]
		}
		var d bytes.Buffer
		fw, _ := flate.NewWriter(&d, flate.DefaultCompression)
		fw.Write(body)
		fw.Close()
		fh := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(body),
			UncompressedSize64: uint64(len(body))}
		data := raw(fh, body, d.Bytes())
		if data == nil {
			data = d.Bytes()
		}
		fh.CompressedSize64 = uint64(len(data))
		w, err := zw.CreateRaw(fh)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zw.Close()
	return out.Bytes()
}

// TestReadXLSXDamagedSheet: a worksheet entry cut short, with a wrong checksum, or whose
// XML stops before its end is refused, naming the workbook and the part; excelize alone
// read such a sheet of 3,000 rows as its first 1,515.
func TestReadXLSXDamagedSheet(t *testing.T) {
	good := rowsWorkbook(t, 3000)
	s := mustRead(t)(ReadXLSX(bytes.NewReader(good), "good.xlsx", ReadOptions{Object: ioObject}))
	if len(s.Rows) != 3000 {
		t.Fatalf("the undamaged workbook reads %d rows", len(s.Rows))
	}
	const part = "xl/worksheets/sheet1.xml"
	cut := rewriteEntry(t, good, part, func(_ *zip.FileHeader, _, d []byte) []byte { return d[:len(d)/2] })
	stored := rewriteEntry(t, good, part, func(fh *zip.FileHeader, body, _ []byte) []byte {
		fh.Method = zip.Store
		return body[:len(body)/2]
	})
	badCRC := rewriteEntry(t, good, part, func(fh *zip.FileHeader, _, d []byte) []byte { fh.CRC32++; return d })
	body := zipEntry(t, good, part)
	unclosed := replaceEntry(t, good, part, body[:len(body)/2])
	for _, c := range []struct {
		name string
		b    []byte
		want string
	}{
		{"deflated data cut short", cut, "is shorter than the workbook's directory says, or does not match its checksum"},
		{"stored data cut short", stored, "is shorter than the workbook's directory says, or does not match its checksum"},
		{"wrong checksum", badCRC, "is shorter than the workbook's directory says, or does not match its checksum"},
		{"XML cut short", unclosed, "stops before its end (the XML is not closed)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadXLSX(bytes.NewReader(c.b), "book.xlsx", ReadOptions{Object: ioObject})
			wantErr(t, err, "book.xlsx: the workbook is damaged: its part "+part+" ", c.want, "nothing read")
			path := filepath.Join(t.TempDir(), "book.xlsx")
			os.WriteFile(path, c.b, 0o644)
			_, err = ReadFile(path, ReadOptions{Object: ioObject})
			wantErr(t, err, path+": the workbook is damaged: its part "+part+" ", c.want)
		})
	}
}

// TestReadCSVZipDamagedEntry: the same damage to a CSV in a zip is refused too.
func TestReadCSVZipDamagedEntry(t *testing.T) {
	var csv strings.Builder
	csv.WriteString("Name,Channel Type\r\n")
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&csv, "Site %04d,CHAT\r\n", i)
	}
	good := makeZip(t, zipFile{"sites.csv", csv.String()})
	cut := rewriteEntry(t, good, "sites.csv", func(_ *zip.FileHeader, _, d []byte) []byte { return d[:len(d)/2] })
	path := filepath.Join(t.TempDir(), "sites.zip")
	os.WriteFile(path, cut, 0o644)
	_, err := ReadFile(path, ReadOptions{Object: ioObject})
	wantErr(t, err, path+"!sites.csv: cannot unpack the entry: it is damaged, or unpacks to other than what the zip's directory says; refused")
}

// TestXMLClosed: the end of a large part is judged by its root's closing tag, with what
// XML allows after it.
func TestXMLClosed(t *testing.T) {
	big := `<?xml version="1.0"?><x:worksheet xmlns:x="u"><sheetData>` + strings.Repeat(`<row r="1"/>`, 1000)
	for _, c := range []struct {
		doc  string
		want bool
	}{
		{big + `</sheetData></x:worksheet>`, true},
		{big + "</sheetData></x:worksheet >\r\n<!-- saved by a tool --><?pi x?>\n", true},
		{big + `</sheetData>`, false},
		{big + `</sheetData></x:worksheet><row/>`, false},
		{big + `</sheetData></worksheet>`, false},
		{`<a><b/></a>`, true},
		{`<a><b/>`, false},
		{``, false},
	} {
		h := &headTail{}
		for i := 0; i < len(c.doc); i += 700 { // in pieces, as io.Copy writes
			h.Write([]byte(c.doc[i:min(i+700, len(c.doc))]))
		}
		if got := h.xmlClosed(); got != c.want {
			t.Errorf("xmlClosed(...%q) = %v", c.doc[max(0, len(c.doc)-60):], got)
		}
	}
}

// TestRenamedODS: an OpenDocument spreadsheet saved under an .xlsx name (as LibreOffice
// users do) is named for what it is, not "EOF".
func TestRenamedODS(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet",
		"content.xml": `<?xml version="1.0"?><office:document-content/>`} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	p := filepath.Join(t.TempDir(), "teams.xlsx")
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(p, ReadOptions{})
	wantErr(t, err, "teams.xlsx: an OpenDocument spreadsheet (.ods)", "save it as Excel 2007-365 (.xlsx)")
	if _, err := OpenRows(p, ReadOptions{}); err == nil || !strings.Contains(err.Error(), "OpenDocument") {
		t.Errorf("OpenRows: %v", err)
	}
}
