package sheets

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// FuzzRowsMatchReadFile: a file streamed (OpenRows, what validate and pack read) gives
// the records ReadFile gives, cell for cell, with their messages, and fails where
// ReadFile fails, with the same words: the stream reads ahead in batches on a goroutine
// of its own and holds blank rows back, and neither may change what is read.
func FuzzRowsMatchReadFile(f *testing.F) {
	addFixtures(f, "*.csv")
	for _, s := range []string{"Name\n", "Name,Channel Type\n\n\nA,CHAT\n\n", "Name,Code\r\nA,\"b\nc\",x\r\n",
		"Name,Channel Type\nCaf\xe9,CHAT\nCafé,CHAT\n", "Error Message,Name\nbad,A\n", "Name\n\"unclosed\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "fuzz.csv")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		opt := ReadOptions{Object: ioObject}
		s, werr := ReadFile(p, opt)
		got, serr := streamAll(p, opt)
		if (werr == nil) != (serr == nil) || (werr != nil && werr.Error() != serr.Error()) {
			t.Fatalf("ReadFile: %v\nstream:   %v", werr, serr)
		}
		if werr != nil {
			return
		}
		if len(got) != len(s.Rows) {
			t.Fatalf("the stream gives %d records, ReadFile %d", len(got), len(s.Rows))
		}
		for i, r := range got {
			if w := s.Rows[i]; !slices.Equal(trimBlank(r.Cells), trimBlank(w.Cells)) || r.Message != w.Message {
				t.Fatalf("record %d: stream %q %q, ReadFile %q %q", i, r.Cells, r.Message, w.Cells, w.Message)
			}
		}
	})
}

func streamAll(p string, opt ReadOptions) ([]Row, error) {
	rs, err := OpenRows(p, opt)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []Row
	for rs.Next() {
		r := rs.Row()
		out = append(out, Row{Cells: slices.Clone(r.Cells), Message: r.Message})
	}
	return out, rs.Err()
}

// trimBlank drops the empty cells at the end of a row: ReadFile widens a sheet for
// values in nameless columns, the stream gives each row as long as it is.
func trimBlank(cells []string) []string {
	n := len(cells)
	for n > 0 && cells[n-1] == "" {
		n--
	}
	return cells[:n]
}
