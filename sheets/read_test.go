package sheets

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
)

var ioHeader = []string{"Name", "Description", "Phone", "Code", "Channel Type", "Enabled"}

// TestReadFileFixtures reads files the way Excel writes them in different locales and
// checks every cell as the user typed it.
func TestReadFileFixtures(t *testing.T) {
	tests := []struct {
		file string
		want [][]string
	}{
		{"czech-1250.csv", [][]string{ioHeader,
			{"Praha Žižkov", "Pobočka Dvořákova – Třebíč", "+420123456789", "00123", "TELEPHONY", "ON"},
			{"Brno střed", "Kancelář; 2. patro", "+420987654321", "007", "CHAT", ""},
			{"Ústí nad Labem", "", "", "", "EMAIL", "OFF"},
		}},
		{"german-1252.csv", [][]string{ioHeader,
			{"München", "Büro, 2. OG – Straße", "+4989123456", "0815", "TELEPHONY", "ON"},
			{"Köln Süd", `Größe "XL"`, "", "", "EMAIL", "OFF"},
		}},
		{"us-utf8-bom.csv", [][]string{ioHeader,
			{"New York", "Suite 100, Floor 2", "+14155550100", "00123", "TELEPHONY", "ON"},
			{"Zoë's Café", "Crème brûlée 🍮", "", "", "CHAT", "OFF"},
		}},
		{"unicode-utf16le.txt", [][]string{ioHeader,
			{"Praha Žižkov", "東京 office", "+420123456789", "00123", "TELEPHONY", "ON"},
			{"Warszawa", "tab\there", "", "", "CHAT", "OFF"},
		}},
		{"multiline.csv", [][]string{ioHeader,
			{"Line Site", "first line\nsecond \"quoted\" line", "", "", "CHAT", "ON"},
			{"Next", "plain", "", "", "EMAIL", "OFF"},
		}},
		{"sep-line.csv", [][]string{{"Name", "Description", "Phone"}, {"Oslo", "a,b", "+4712345678"}}},
		{"mac-cr.csv", [][]string{{"Name", "Description", "Phone"}, {"Lyon", "Café", "+33123456789"}}},
		{"sites.xlsx", [][]string{ioHeader,
			{"Praha Žižkov", "Pobočka", "420123456789", "00123", "TELEPHONY", "ON"},
			{"Brno", "", "+420987654321", "007", "CHAT", ""},
			{"", "", "", "", "", ""},
			{"Ostrava", "after an empty row", "", "", "EMAIL", "OFF"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s := mustRead(t)(ReadFile(fixture(tt.file), fixtureOptions(tt.file)))
			wantTable(t, s, tt.want)
			if s.File != fixture(tt.file) || s.Object != ioObject {
				t.Errorf("File %q, Object %v", s.File, s.Object.Key)
			}
			for i, c := range s.Columns {
				if c.Spec == nil || c.Spec != &ioObject.Columns[ioObject.Column(c.Header)] {
					t.Errorf("column %d %q not matched to the catalog", i, c.Header)
				}
			}
		})
	}
}

func TestReadErrorText(t *testing.T) {
	tests := []struct {
		e    ReadError
		want string
	}{
		{ReadError{File: "a.csv", Row: 3, Column: "Name", Msg: "bad"}, "a.csv:3:Name: bad"},
		{ReadError{File: "a.csv", Row: 3, Msg: "bad"}, "a.csv:3: bad"},
		{ReadError{File: "a.csv", Msg: "bad"}, "a.csv: bad"},
		{ReadError{File: "a.csv", Column: "Name", Msg: "bad"}, "a.csv:Name: bad"},
		{ReadError{Msg: "bad"}, "bad"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.e, got, tt.want)
		}
	}
}

func TestReadFileRefuses(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"old.xls": "\xD0\xCF\x11\xE0", "notes.docx": "x", "empty.csv": ""} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		file string
		want []string
	}{
		{"old.xls", []string{"old.xls: ", "97-2003", ".xlsx"}},
		{"notes.docx", []string{"notes.docx: ", `".docx"`, ".csv"}},
		{"empty.csv", []string{"empty.csv: ", "empty", "header"}},
		{"missing.csv", []string{"missing.csv", "no such file"}},
	}
	for _, tt := range tests {
		_, err := ReadFile(filepath.Join(dir, tt.file), ReadOptions{Object: ioObject})
		wantErr(t, err, tt.want...)
	}
}

// TestReadFileDetectsObject reads files without --object: the header tells the type.
func TestReadFileDetectsObject(t *testing.T) {
	team, ok := catalog.Lookup("team")
	if !ok {
		t.Fatal("catalog has no team")
	}
	s := mustRead(t)(ReadFile(fixture("controlhub-errors.csv"), ReadOptions{}))
	if s.Object != team {
		t.Fatalf("object %v, want team", s.Object)
	}
	_, err := ReadCSV(bytes.NewReader([]byte("Colour,Taste\r\nred,sweet\r\n")), "fruit.csv", ReadOptions{})
	wantErr(t, err, "fruit.csv: cannot tell the object type from the header; pass --object")
	var re *ReadError
	if !errors.As(err, &re) || re.File != "fruit.csv" {
		t.Errorf("not a ReadError naming the file: %#v", err)
	}
}
