package sheets

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// vFixture reads a sheet of testdata/validate with the IO engineer's reader, as a user's
// file would be read.
func vFixture(t testing.TB, name string) *Sheet {
	t.Helper()
	s, err := ReadFile(filepath.Join("testdata", "validate", name), ReadOptions{})
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return s
}

// vObject returns a catalog object type, failing the test when the catalog lacks it.
func vObject(t testing.TB, key string) *catalog.Object {
	t.Helper()
	o, ok := catalog.Lookup(key)
	if !ok {
		t.Fatalf("catalog has no %q", key)
	}
	return o
}

// vSheet builds a sheet of a catalog type from a header and rows.
func vSheet(t testing.TB, key, file string, header []string, rows ...[]string) *Sheet {
	t.Helper()
	o := vObject(t, key)
	s := &Sheet{Object: o, File: file}
	for _, h := range header {
		c := Column{Header: h}
		if i := o.Column(h); i >= 0 {
			c.Spec = &o.Columns[i]
		}
		s.Columns = append(s.Columns, c)
	}
	for _, r := range rows {
		s.Rows = append(s.Rows, Row{Cells: append([]string(nil), r...)})
	}
	return s
}

// vLines formats findings as a user reads them, FILE:ROW:COLUMN: severity: message, with
// the folder left out of the file name.
func vLines(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		f.File = filepath.Base(f.File)
		out[i] = f.String()
	}
	return out
}

func vOnly(fs []Finding, file string) []Finding {
	var out []Finding
	for _, f := range fs {
		if filepath.Base(f.File) == file {
			out = append(out, f)
		}
	}
	return out
}

// vDiff reports the lines missing from got and the lines not wanted.
func vDiff(t testing.TB, got, want []string) {
	t.Helper()
	g, w := map[string]int{}, map[string]int{}
	for _, l := range got {
		g[l]++
	}
	for _, l := range want {
		w[l]++
	}
	var b strings.Builder
	for _, l := range want {
		if g[l] < w[l] {
			b.WriteString("\n  missing: " + l)
			g[l]++
		}
	}
	for _, l := range got {
		if w[l] == 0 {
			b.WriteString("\n  unexpected: " + l)
		}
	}
	if b.Len() > 0 {
		t.Errorf("findings differ:%s", b.String())
	} else if !slices.Equal(got, want) {
		t.Errorf("findings out of order:\n  got  %q\n  want %q", got, want)
	}
}

// sameFindings compares findings whole, templates included (a Finding holds a slice of
// arguments, so it is not comparable with ==).
func sameFindings(a, b []Finding) bool {
	return slices.EqualFunc(a, b, func(x, y Finding) bool { return reflect.DeepEqual(x, y) })
}
