package sheets

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// vCells returns a sheet's records as cells padded to the header, for comparing what went
// into a package with what comes out of it.
func vCells(s *Sheet) [][]string {
	out := make([][]string, len(s.Rows))
	for i, r := range s.Rows {
		c := make([]string, len(s.Columns))
		copy(c, r.Cells)
		out[i] = c
	}
	return out
}

// vZip reads every entry of a zip written by a test.
func vZip(t *testing.T, path string) (names []string, data map[string][]byte) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	data = map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		names = append(names, f.Name)
		data[f.Name] = b
	}
	return names, data
}

func vDirEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// TestPackGolden packs a queue file of three groups (3, 2 and 4 rows) at 5 records a file:
// the first two groups fill the first file, the third goes whole into the second.
func TestPackGolden(t *testing.T) {
	s, err := ReadFile(filepath.Join("testdata", "pack", "queues.csv"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if fs := Validate([]*Sheet{s}, nil); HasErrors(fs) {
		t.Fatalf("fixture has errors: %q", vLines(fs))
	}
	dir := t.TempDir()
	p, err := Pack(s, filepath.Join(dir, "queues"), Limits{MaxRecords: 5, MaxBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if p.Path != filepath.Join(dir, "queues.zip") || p.Object != "queue" || p.Records != 9 ||
		!slices.Equal(p.Files, []string{"queues_001.csv", "queues_002.csv"}) {
		t.Errorf("package = %+v", p)
	}
	if fi, _ := os.Stat(p.Path); fi == nil || fi.Size() != p.Bytes {
		t.Errorf("Bytes = %d, file has %v", p.Bytes, fi)
	}
	names, data := vZip(t, p.Path)
	if !slices.Equal(names, p.Files) {
		t.Errorf("zip holds %q", names)
	}
	for _, n := range names {
		want, err := os.ReadFile(filepath.Join("testdata", "pack", n+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data[n], want) {
			t.Errorf("%s:\n%s\nwant:\n%s", n, data[n], want)
		}
	}
	if got := vDirEntries(t, dir); !slices.Equal(got, []string{"queues.zip"}) {
		t.Errorf("directory holds %q; want only the package", got)
	}
	back, err := ReadFile(p.Path, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(vCells(back), vCells(s), slices.Equal) {
		t.Errorf("reading the package back gives other records")
	}
}

// TestPackSplits packs generated users at various limits and checks every file keeps to
// them, the files are numbered in order, and reading the package back gives exactly the
// records that went in.
func TestPackSplits(t *testing.T) {
	users := vUsers(t, 23)
	one := int64(packRecordLen(users.Rows[0].Cells, len(users.Columns)))
	header := int64(packRecordLen(users.Headers(), len(users.Columns)))
	tests := []struct {
		name  string
		lim   Limits
		files int
	}{
		{"fits in one file", DefaultLimits, 1},
		{"by records", Limits{MaxRecords: 5, MaxBytes: 10 << 20}, 5},
		{"exactly full", Limits{MaxRecords: 23, MaxBytes: 10 << 20}, 1},
		{"by bytes", Limits{MaxRecords: 5000, MaxBytes: header + 4*one + 10}, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p, err := Pack(users, filepath.Join(dir, "users"), tt.lim)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Files) != tt.files {
				t.Fatalf("%d files, want %d", len(p.Files), tt.files)
			}
			if tt.files == 1 {
				if p.Path != filepath.Join(dir, "users.csv") || p.Files[0] != "users.csv" {
					t.Errorf("one file is a CSV: %+v", p)
				}
			} else {
				names, data := vZip(t, p.Path)
				for i, n := range names {
					if want := fmt.Sprintf("users_%03d.csv", i+1); n != want {
						t.Errorf("entry %d is %s, want %s", i, n, want)
					}
					recs := bytes.Count(data[n], []byte("\r\n")) - 1
					if recs > tt.lim.MaxRecords || int64(len(data[n])) > tt.lim.MaxBytes {
						t.Errorf("%s: %d records, %d bytes: over %+v", n, recs, len(data[n]), tt.lim)
					}
				}
			}
			back, err := ReadFile(p.Path, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want := vCells(users) // as typed, but ON/OFF and true/false in the catalog's spelling
			for _, rec := range want {
				respell(rec, spelledColumns(users))
			}
			if !slices.EqualFunc(vCells(back), want, slices.Equal) {
				t.Errorf("reading the package back gives other records")
			}
		})
	}
}

func TestPackRefuses(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "teams.csv")
	os.WriteFile(old, []byte("the previous package"), 0o644)

	teams := vFixture(t, "teams.csv")
	_, err := Pack(teams, old, DefaultLimits)
	var fe *FindingsError
	if !errors.As(err, &fe) {
		t.Fatalf("Pack of a sheet with errors: %v, want a *FindingsError", err)
	}
	for _, f := range fe.Findings {
		if f.Severity != Error {
			t.Errorf("FindingsError carries a warning: %s", f)
		}
	}
	if !strings.Contains(err.Error(), "cannot pack: 10 errors, the first: testdata/validate/teams.csv:2:Name: error:") {
		t.Errorf("error text: %v", err)
	}
	if b, _ := os.ReadFile(old); string(b) != "the previous package" {
		t.Errorf("a refused pack touched the file at out")
	}
	if got := vDirEntries(t, dir); len(got) != 1 {
		t.Errorf("a refused pack left %q", got)
	}

	// A queue longer than one file: named in the error, nothing written.
	q := vFixture(t, "../pack/queues.csv")
	_, err = Pack(q, filepath.Join(dir, "q"), Limits{MaxRecords: 3, MaxBytes: 1 << 20})
	if err == nil || !strings.Contains(err.Error(), `queue "Q Mail" has 4 rows; one queue must fit in one file of at most 3 records`) {
		t.Errorf("group too large: %v", err)
	}
	if got := vDirEntries(t, dir); len(got) != 1 {
		t.Errorf("a refused pack left %q", got)
	}

	if _, err := Pack(New(vObject(t, "site")), filepath.Join(dir, "empty"), DefaultLimits); err == nil {
		t.Errorf("a sheet without records was packed")
	}
	if _, err := Pack(vUsers(t, 3), filepath.Join(dir, "missing", "users.csv"), DefaultLimits); err == nil {
		t.Errorf("packing into a missing folder succeeded")
	}
}

// TestPackUncheckableReferences: Pack checks the sheet's own errors; a reference to a type
// it cannot see (the organization's sites) is the caller's business, not a refusal.
func TestPackUncheckableReferences(t *testing.T) {
	teams := vSheet(t, "team", "teams.csv", []string{"Name", "Site", "Type"}, []string{"Sales", "Praha", "AGENT"})
	p, err := Pack(teams, filepath.Join(t.TempDir(), "teams"), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p.Path)
	if string(b) != "Name,Site,Type\r\nSales,Praha,AGENT\r\n" {
		t.Errorf("wrote %q", b)
	}
}

// TestPackRecordLen keeps the size plan equal to what WriteCSV writes, on awkward values.
func TestPackRecordLen(t *testing.T) {
	values := []string{"", "plain", "a,b", `say "hi"`, "line\nbreak", "cr\ronly", " lead", "trail ", "semi;colon",
		"tab\there", "sep=;", "SeP=x", "sep", "ſep=", "Sep:", "žluťoučký", `""`, ","}
	for _, ncols := range []int{1, 2, 3} {
		for i := range values {
			for j := range values {
				cells := []string{values[i], values[j]}[:min(2, ncols)]
				s := &Sheet{Columns: make([]Column, ncols), Rows: []Row{{Cells: cells}}}
				var buf bytes.Buffer
				if err := WriteCSV(&buf, s); err != nil {
					t.Fatal(err)
				}
				want := buf.Len() - packRecordLen(s.Headers(), ncols)
				if got := packRecordLen(cells, ncols); got != want {
					t.Errorf("%d columns %q: planned %d bytes, WriteCSV wrote %d", ncols, cells, got, want)
				}
			}
		}
	}
}

// TestPackBlankCellsPastHeader: blank cells after the last column (Excel leaves them) are
// not data; the package has the header's columns only.
func TestPackBlankCellsPastHeader(t *testing.T) {
	s := vSheet(t, "site", "sites.csv", []string{"Name", "Multimedia Profile"},
		[]string{"Prague", "MM", "", " "}, []string{"Brno", "MM"})
	p, err := Pack(s, filepath.Join(t.TempDir(), "sites.csv"), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p.Path); string(b) != "Name,Multimedia Profile\r\nPrague,MM\r\nBrno,MM\r\n" {
		t.Errorf("wrote %q", b)
	}
	if len(s.Rows[0].Cells) != 4 {
		t.Errorf("Pack changed the sheet")
	}
}

// TestPackHonoursExtension: -o X.zip is a zip even of one file, -o X.csv one CSV file, and
// records that need several files are refused there, with nothing written.
func TestPackHonoursExtension(t *testing.T) {
	dir := t.TempDir()
	users := vUsers(t, 7)
	p, err := Pack(users, filepath.Join(dir, "one.zip"), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if names, _ := vZip(t, p.Path); p.Path != filepath.Join(dir, "one.zip") || !slices.Equal(names, []string{"one_001.csv"}) {
		t.Errorf("package %+v holds %q", p, names)
	}
	_, err = Pack(users, filepath.Join(dir, "many.csv"), Limits{MaxRecords: 5, MaxBytes: 1 << 20})
	if err == nil || !strings.Contains(err.Error(), "Control Hub takes several files as a zip: write the package to "+filepath.Join(dir, "many.zip")) {
		t.Errorf("several files into a .csv: %v", err)
	}
	if got := vDirEntries(t, dir); !slices.Equal(got, []string{"one.zip"}) {
		t.Errorf("directory holds %q", got)
	}
}

// A zip's entries carry the day they were packed: unzip lists them with it; without it
// they read 1980-00-00, a day that does not exist.
func TestPackZipEntriesAreDated(t *testing.T) {
	users := vUsers(t, 12)
	before := time.Now()
	p, err := Pack(users, filepath.Join(t.TempDir(), "users"), Limits{MaxRecords: 5, MaxBytes: 10 << 20})
	if err != nil {
		t.Fatal(err)
	}
	after := time.Now()
	r, err := zip.OpenReader(p.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if len(r.File) != 3 {
		t.Fatalf("%d entries, want 3", len(r.File))
	}
	for _, f := range r.File {
		d := f.ModifiedDate
		got := fmt.Sprintf("%04d-%02d-%02d", 1980+int(d>>9), int(d>>5&0xf), int(d&0x1f))
		if got != before.Format(time.DateOnly) && got != after.Format(time.DateOnly) {
			t.Errorf("%s is dated %s, packed on %s", f.Name, got, after.Format(time.DateOnly))
		}
	}
}
