package sheets

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestPartWriterWritesWhatWriteCSVWrites: the files a pack writes, plain records written
// as they are and the others quoted and pictured, are byte for byte what WriteCSV writes
// for the same records, in groups that are all plain, all awkward, or mixed.
func TestPartWriterWritesWhatWriteCSVWrites(t *testing.T) {
	values := []string{"", "plain", "Work type 0000001", "a,b", `say "hi"`, "line\nbreak", "bell\a", "del\x7f", " lead",
		"trail ", "semi;colon", "tab\there", "sep=;", "SeP=x", "sep", "žluťoučký", `""`, ",", "12345678", "1234567,"}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, ncols := range []int{1, 2, 3} {
		s := &Sheet{File: "t.csv", Columns: make([]Column, ncols)}
		for c := range s.Columns {
			s.Columns[c].Header = string(rune('A' + c))
		}
		var groups [][]Row
		for range 300 {
			var g []Row
			for n := 1 + rng.IntN(3); n > 0; n-- {
				cells := make([]string, ncols)
				for c := range cells {
					if rng.IntN(3) == 0 {
						cells[c] = values[rng.IntN(len(values))]
					} else {
						cells[c] = values[2]
					}
				}
				g = append(g, Row{Cells: cells})
			}
			groups = append(groups, g)
			s.Rows = append(s.Rows, g...)
		}
		var want bytes.Buffer
		if err := WriteCSV(&want, s); err != nil {
			t.Fatal(err)
		}
		var got []byte
		pw := newPartWriter(s, Limits{MaxRecords: 1 << 20, MaxBytes: 1 << 30}, func(b packPart) { got = append(got, b.raw...) })
		for _, g := range groups {
			size := int64(0)
			for _, r := range g {
				size += int64(packRecordLen(r.Cells, ncols))
			}
			pw.group(g, size)
		}
		pw.flush()
		if pw.err != nil {
			t.Fatal(pw.err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%d columns: the pack wrote\n%q\nWriteCSV\n%q", ncols, got, want.Bytes())
		}
	}
}
