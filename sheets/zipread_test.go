package sheets

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestReadZip(t *testing.T) {
	ss, err := ReadZip(fixture("two-parts.zip"), ReadOptions{Object: ioObject})
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 {
		t.Fatalf("%d sheets, want 2 (the __MACOSX entry left out)", len(ss))
	}
	zip := fixture("two-parts.zip")
	if ss[0].File != zip+"!part1.csv" || ss[1].File != zip+"!part2.csv" {
		t.Errorf("files %q, %q", ss[0].File, ss[1].File)
	}
	wantTable(t, ss[0], [][]string{{"Name", "Phone", "Code"}, {"A1", "+420111", "001"}, {"A2", "+420222", "002"}})
	wantTable(t, ss[1], [][]string{{"Name", "Code", "Phone", "Extra"}, {"B1", "003", "+420333", "x"}})
}

// TestReadFileMergesZip: ReadFile makes one sheet of the entries, columns matched by
// name whatever their order, a column only one entry has kept.
func TestReadFileMergesZip(t *testing.T) {
	s := mustRead(t)(ReadFile(fixture("two-parts.zip"), ReadOptions{Object: ioObject}))
	wantTable(t, s, [][]string{
		{"Name", "Phone", "Code", "Extra"},
		{"A1", "+420111", "001", ""},
		{"A2", "+420222", "002", ""},
		{"B1", "+420333", "003", "x"},
	})
	if s.File != fixture("two-parts.zip") {
		t.Errorf("File %q", s.File)
	}
}

func TestMergeKeepsDuplicateHeaders(t *testing.T) {
	a := &Sheet{Object: ioObject, Columns: []Column{{Header: "Name"}, {Header: "Name"}}, Rows: []Row{{Cells: []string{"a", "b"}}}}
	b := &Sheet{Object: ioObject, Columns: []Column{{Header: "name"}, {Header: "Name"}}, Rows: []Row{{Cells: []string{"c", "d"}, Message: "m"}}}
	m, err := Merge("x.zip", []*Sheet{a, b})
	if err != nil {
		t.Fatal(err)
	}
	wantTable(t, m, [][]string{{"Name", "Name"}, {"a", "b"}, {"c", "d"}})
	if !reflect.DeepEqual(messages(m), []string{"", "m"}) {
		t.Errorf("messages %q", messages(m))
	}
}

func TestReadZipRefuses(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	mixed := write("mixed.zip", makeZip(t,
		zipFile{"teams.csv", "Name,Site,Type\r\nT,S,AGENT\r\n"},
		zipFile{"users.csv", "Email,User Profile,Contact Center Enabled\r\na@b.c,P,ON\r\n"}))
	_, err := ReadFile(mixed, ReadOptions{})
	wantErr(t, err, mixed+": holds sheets of different object types", "teams.csv: Team", "users.csv: User")

	audio := write("audio.zip", makeZip(t, zipFile{"hello.wav", "RIFF"}))
	_, err = ReadFile(audio, ReadOptions{Object: ioObject})
	wantErr(t, err, audio+"!hello.wav: not a CSV or XLSX file")

	empty := write("empty.zip", makeZip(t, zipFile{"folder/", ""}))
	_, err = ReadFile(empty, ReadOptions{Object: ioObject})
	wantErr(t, err, empty+": holds no CSV or XLSX files")

	bad := write("bad.zip", makeZip(t, zipFile{"a.csv", "Name\r\nok\r\n"}, zipFile{"b.csv", "Name,Code\r\nx,\"1\r\n"}))
	_, err = ReadFile(bad, ReadOptions{Object: ioObject})
	wantErr(t, err, bad+"!b.csv:2: ")
}

func TestReadZipWithWorkbook(t *testing.T) {
	wb := workbook(t, ws{"S", [][]any{{"Name", "Phone"}, {"X", 420123456789}}})
	p := filepath.Join(t.TempDir(), "book.zip")
	if err := os.WriteFile(p, makeZip(t, zipFile{"book.xlsx", string(wb)}, zipFile{"more.csv", "Name;Phone\r\nY;+1\r\n"}), 0o644); err != nil {
		t.Fatal(err)
	}
	s := mustRead(t)(ReadFile(p, ReadOptions{Object: ioObject}))
	wantTable(t, s, [][]string{{"Name", "Phone"}, {"X", "420123456789"}, {"Y", "+1"}})
}
