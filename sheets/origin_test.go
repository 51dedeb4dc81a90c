package sheets

import (
	"path/filepath"
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// A workbook written with an Origin reads back with it on every sheet; one written
// without (by Excel, or an export of one type) reads back with none.
func TestWorkbookOrigin(t *testing.T) {
	site, _ := catalog.Lookup("site")
	team, _ := catalog.Lookup("team")
	from := &Origin{OrgID: "org-a", OrgName: "Lab"}
	mk := func(o *catalog.Object, origin *Origin) *Sheet {
		s := New(o)
		s.Rows = []Row{{Cells: make([]string, len(s.Columns))}}
		s.Rows[0].Cells[0] = "Brno"
		s.Origin = origin
		return s
	}
	dir := t.TempDir()
	for _, c := range []struct {
		name   string
		origin *Origin
	}{{"lab.xlsx", from}, {"plain.xlsx", nil}} {
		path := filepath.Join(dir, c.name)
		if err := WriteWorkbookFile(path, []*Sheet{mk(site, c.origin), mk(team, c.origin)}, WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		back, err := ReadWorkbook(path, ReadOptions{})
		if err != nil || len(back) != 2 {
			t.Fatalf("%s: %d sheets, %v", c.name, len(back), err)
		}
		for _, s := range back {
			if (s.Origin == nil) != (c.origin == nil) || s.Origin != nil && *s.Origin != *from {
				t.Errorf("%s: origin %+v, want %+v", s.File, s.Origin, c.origin)
			}
		}
	}
}

// A zip's comment carries the origin as the workbook's properties do.
func TestZipCommentOrigin(t *testing.T) {
	from := &Origin{OrgID: "org-a", OrgName: "Lab: west"}
	if got := originOfComment(from.ZipComment()); got == nil || *got != *from {
		t.Errorf("origin %+v read back as %+v", from, got)
	}
	if got := originOfComment("made by hand"); got != nil {
		t.Errorf("a comment of another tool reads as %+v", got)
	}
}
