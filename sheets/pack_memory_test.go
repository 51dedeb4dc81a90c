package sheets

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

// TestPackInMemory packs the queue fixture (three groups, two files at 5 records) with a
// value typed in lower case and one with spaces around it: the package in memory is the
// file Pack writes, and each part is what reading that part of the package back gives.
func TestPackInMemory(t *testing.T) {
	s, err := ReadFile(filepath.Join("testdata", "pack", "queues.csv"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.Rows[0].Cells[s.Index("Permit Monitoring")] = "on"    // packed as ON
	s.Rows[3].Cells[s.Index("Description")] = " Chat, VIP " // quoted, kept as typed
	for _, lim := range []Limits{{MaxRecords: 5, MaxBytes: 1 << 20}, DefaultLimits} {
		out := filepath.Join(t.TempDir(), "queues")
		p, err := Pack(s, out, lim)
		if err != nil {
			t.Fatal(err)
		}
		file, _ := os.ReadFile(p.Path)
		m, err := PackInMemory(s, "queues", lim)
		if err != nil {
			t.Fatal(err)
		}
		if m.Path != filepath.Base(p.Path) || !slices.Equal(m.Files, p.Files) || m.Records != p.Records || m.Bytes != int64(len(m.Data)) {
			t.Errorf("in memory %+v, Pack wrote %+v", m.Package, *p)
		}
		if !bytes.Equal(zipUndated(m.Data), zipUndated(file)) {
			t.Errorf("%s: the package in memory (%d bytes) is not the file Pack writes (%d bytes)", m.Path, len(m.Data), len(file))
		}
		read := readParts(t, p.Path)
		if len(m.Parts) != len(read) {
			t.Fatalf("%d parts, the package holds %d files", len(m.Parts), len(read))
		}
		for i, part := range m.Parts {
			if part.File != read[i].File || !slices.Equal(part.Headers(), read[i].Headers()) || !reflect.DeepEqual(vCells(part), vCells(read[i])) {
				t.Errorf("part %d: %s %q\n%q\nread back: %s %q\n%q", i, part.File, part.Headers(), vCells(part), read[i].File, read[i].Headers(), vCells(read[i]))
			}
		}
		if got := m.Parts[0].Rows[0].Cells[s.Index("Permit Monitoring")]; got != "ON" {
			t.Errorf("Permit Monitoring packed as %q, want ON", got)
		}
	}
}

// readParts reads the CSV files of a package back, as a job reading it would.
func readParts(t *testing.T, path string) []*Sheet {
	t.Helper()
	if filepath.Ext(path) == ".csv" {
		s, err := ReadFile(path, ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		s.File = filepath.Base(path)
		return []*Sheet{s}
	}
	names, data := vZip(t, path)
	var out []*Sheet
	for _, n := range names {
		s, err := ReadCSV(bytes.NewReader(data[n]), n, ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// zipUndated is a package with the dates of its zip entries zeroed (the time it was
// packed: two packings a second apart differ there and nowhere else); a CSV as it is.
func zipUndated(b []byte) []byte {
	if !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return b
	}
	b = bytes.Clone(b)
	for i := 0; i+16 <= len(b); i++ {
		switch binary.LittleEndian.Uint32(b[i:]) {
		case 0x04034b50: // local file header: time and date at 10
			clear(b[i+10 : i+14])
		case 0x02014b50: // central directory header: at 12
			clear(b[i+12 : i+16])
		}
	}
	return b
}
