package sheets

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	s := ioSheet()
	for _, name := range []string{"out.csv", "out.XLSX"} {
		p := filepath.Join(dir, name)
		if err := WriteFile(p, s, ioFindings); err != nil {
			t.Fatal(err)
		}
		back := mustRead(t)(ReadFile(p, ReadOptions{Object: ioObject}))
		wantTable(t, back, table(s))
	}
	wantErr(t, WriteFile(filepath.Join(dir, "out.txt"), s, nil), "out.txt: cannot save as \".txt\"; save as .csv or .xlsx")
}

// TestWriteFileKeepsOldOnFailure: a save that fails leaves the file as it was, and no
// temporary file behind.
func TestWriteFileKeepsOldOnFailure(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "keep.csv")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	bad := ioSheet()
	bad.Rows[0].Cells = append(bad.Rows[0].Cells, "one too many")
	wantErr(t, WriteFile(p, bad, nil), "the row has 10 cells")
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("file now %q", b)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("left behind: %v", es)
	}
	if err := WriteFile(p, ioSheet(), nil); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(p); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", fi.Mode().Perm())
	}
}
