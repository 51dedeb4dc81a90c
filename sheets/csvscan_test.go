package sheets

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

// scanAll reads text to its end or first error, as the scanner and as csv.Reader (with
// the settings the sheets read with), on a bufio.Reader of size buf.
func scanAll(text []byte, comma rune, buf int) (ours, theirs [][]string, ourErr, theirErr error) {
	s := newCSVScanner(bufio.NewReaderSize(bytes.NewReader(text), buf), comma)
	for {
		rec, err := s.Read()
		if err != nil {
			ourErr = err
			break
		}
		ours = append(ours, rec)
	}
	cr := csv.NewReader(bufio.NewReaderSize(bytes.NewReader(text), buf))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	for {
		rec, err := cr.Read()
		if err != nil {
			theirErr = err
			break
		}
		theirs = append(theirs, rec)
	}
	return ours, theirs, ourErr, theirErr
}

// sameCSV fails the test when the scanner read text otherwise than csv.Reader.
func sameCSV(t *testing.T, text []byte, comma rune, buf int) {
	t.Helper()
	ours, theirs, oe, te := scanAll(text, comma, buf)
	if !slices.EqualFunc(ours, theirs, slices.Equal) {
		t.Fatalf("%q (sep %q): scanner %q\ncsv.Reader %q", text, comma, ours, theirs)
	}
	var op, tp *csv.ParseError
	switch {
	case errors.As(oe, &op) && errors.As(te, &tp):
		if *op != *tp {
			t.Fatalf("%q (sep %q): scanner %+v, csv.Reader %+v", text, comma, *op, *tp)
		}
	case oe == nil || te == nil || oe.Error() != te.Error():
		t.Fatalf("%q (sep %q): scanner %v, csv.Reader %v", text, comma, oe, te)
	}
}

func TestCSVScannerReadsAsEncodingCSV(t *testing.T) {
	cases := []string{
		"", "\n", "\r\n", "a", "a\r", "a\n", "a,b\r\nc,d\r\n", "a,,\n,\n", "\n\na,b\n\n\nc\n",
		`"a,b",c` + "\n", `"a""b"` + "\n", `"a` + "\r\nb\"\r\n", `"a` + "\n\nb\",c\nd\n",
		`a"b` + "\n", `a,b"c` + "\n", `"a"b` + "\n", `"a" ` + "\n", `"unclosed` + "\n", `"unclosed`,
		"x\n\"a\n\n", `""` + "\n", `"",""` + "\n", "a,\"b\"\r", "a\rb,c\n", "a;b;\"c;d\"\n",
		"Name\tCode\n\"A\t1\"\t2\n", "é,ü\n\"ř\",ž\n", "a,b\n\"c\n\"d\n", strings.Repeat("x", 100) + "\n" + `"` + strings.Repeat("y,", 60) + "\"\n",
	}
	for _, c := range cases {
		for _, comma := range []rune{',', ';', '\t', '§', '"', 0} {
			for _, buf := range []int{16, 4096} {
				sameCSV(t, []byte(c), comma, buf)
			}
		}
	}
}

// FuzzCSVScannerReadsAsEncodingCSV: whatever the text and separator, the scanner gives
// the records csv.Reader gives and fails where it fails, at the same line and column.
func FuzzCSVScannerReadsAsEncodingCSV(f *testing.F) {
	for _, s := range []string{"a,b\r\nc,d", `"a""b",c` + "\n", "\"a\nb\",c\r\n\"d", `a"b`, "x;y\n\n\"z", "é§ř\n"} {
		f.Add([]byte(s), uint8(0))
	}
	f.Fuzz(func(t *testing.T, text []byte, sep uint8) {
		comma := []rune{',', ';', '\t', '§', 'x', '\r'}[int(sep)%6]
		sameCSV(t, text, comma, 16)
		sameCSV(t, text, comma, 4096)
	})
}

// The cells of a record stay as they were read while later records are read: they are
// kept (a sheet, a finding), so the scanner must not reuse their bytes.
func TestCSVScannerCellsOutliveLaterRecords(t *testing.T) {
	var text strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&text, "name %d,\"quoted, %d\",%s\n", i, i, strings.Repeat("v", i%300))
	}
	s := newCSVScanner(bufio.NewReaderSize(strings.NewReader(text.String()), 64), ',')
	var kept [][]string
	for {
		rec, err := s.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		kept = append(kept, rec)
	}
	for i, rec := range kept {
		want := []string{fmt.Sprint("name ", i), fmt.Sprint("quoted, ", i), strings.Repeat("v", i%300)}
		if !slices.Equal(rec, want) {
			t.Fatalf("record %d is now %q, was read as %q", i, rec, want)
		}
	}
	// A cell's slice is its own: growing one record does not write into the next.
	kept[0] = append(kept[0], "extra")
	if kept[1][0] != "name 1" {
		t.Fatalf("appending to record 0 changed record 1: %q", kept[1])
	}
}

// Reading costs a few allocations per thousand records, not two a record as csv.Reader's:
// the garbage of a pack of a million records.
func TestCSVScannerAllocatesPerSlabNotPerRecord(t *testing.T) {
	var text strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&text, "Work type %07d,Reason %07d for agents,IDLE_CODE\r\n", i, i)
	}
	data := text.String()
	br := bufio.NewReaderSize(strings.NewReader(data), 64<<10)
	allocs := testing.AllocsPerRun(20, func() {
		br.Reset(strings.NewReader(data))
		s := newCSVScanner(br, ',')
		for {
			if _, err := s.Read(); err != nil {
				break
			}
		}
	})
	if allocs > 20 {
		t.Fatalf("reading 1,000 records made %.0f allocations; want a few per slab", allocs)
	}
}
