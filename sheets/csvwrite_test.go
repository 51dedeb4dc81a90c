package sheets

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestWriteCSVBytes(t *testing.T) {
	s := &Sheet{File: "out.csv", Columns: []Column{{Header: "Name"}, {Header: "Description"}, {Header: "Phone"}}}
	s.Rows = []Row{
		{Cells: []string{"Praha Žižkov", "a, b", "+420123456789"}},
		{Cells: []string{"Q", `say "hi"`, "00123"}},
		{Cells: []string{"Line", "one\ntwo", ""}},
		{Cells: []string{" padded ", "semi;colon", "tab\there"}},
		{Cells: []string{"short"}},
		{Cells: []string{"sep=;", "", ""}},
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, s); err != nil {
		t.Fatal(err)
	}
	want := "Name,Description,Phone\r\n" +
		"Praha Žižkov,\"a, b\",+420123456789\r\n" +
		"Q,\"say \"\"hi\"\"\",00123\r\n" +
		"Line,\"one\ntwo\",\r\n" +
		"\" padded \",\"semi;colon\",\"tab\there\"\r\n" +
		"short,,\r\n" +
		"\"sep=;\",,\r\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
}

func TestWriteCSVOneColumnEmptyRow(t *testing.T) {
	s := &Sheet{Columns: []Column{{Header: "Name"}}, Rows: []Row{{Cells: []string{""}}, {Cells: []string{"A"}}}}
	var b bytes.Buffer
	if err := WriteCSV(&b, s); err != nil {
		t.Fatal(err)
	}
	if want := "Name\r\n\"\"\r\nA\r\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	back := mustRead(t)(ReadCSV(&b, "x.csv", ReadOptions{Object: ioObject}))
	wantTable(t, back, [][]string{{"Name"}, {""}, {"A"}})
}

func TestWriteCSVRefusesLongRow(t *testing.T) {
	s := &Sheet{File: "out.csv", Columns: []Column{{Header: "Name"}}, Rows: []Row{{Cells: []string{"a", "b"}}}}
	var b bytes.Buffer
	wantErr(t, WriteCSV(&b, s), "out.csv:2: the row has 2 cells but the sheet has 1 columns")
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
}

// TestCSVRoundTrip: every fixture, read and written as CSV, reads back the same.
func TestCSVRoundTrip(t *testing.T) {
	for _, f := range []string{"czech-1250.csv", "german-1252.csv", "us-utf8-bom.csv", "unicode-utf16le.txt",
		"multiline.csv", "sep-line.csv", "mac-cr.csv", "sites.xlsx", "controlhub-errors.csv"} {
		t.Run(f, func(t *testing.T) {
			s := mustRead(t)(ReadFile(fixture(f), fixtureOptions(f)))
			var b bytes.Buffer
			if err := WriteCSV(&b, s); err != nil {
				t.Fatal(err)
			}
			if bytes.HasPrefix(b.Bytes(), []byte("\xEF\xBB\xBF")) || !strings.HasSuffix(b.String(), "\r\n") {
				t.Errorf("not BOM-less CRLF text: %q", b.String())
			}
			back := mustRead(t)(ReadCSV(&b, "back.csv", ReadOptions{Object: ioObject}))
			if !reflect.DeepEqual(table(back), table(s)) {
				t.Errorf("round trip changed cells:%s\nto%s", show(table(s)), show(table(back)))
			}
		})
	}
}
