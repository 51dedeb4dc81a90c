package sheets

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/internal/progress"
)

// PackFiles tells its Progress the records read every thousand with the share of the
// input read, across the files of a set, and ends at the number of records packed.
func TestPackFilesReportsProgress(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for f, rows := range []int{20000, 5000} {
		var b strings.Builder
		b.WriteString("Name,Description,Type\r\n")
		for i := range rows {
			fmt.Fprintf(&b, "Break %d-%05d,Reason %d,%s\r\n", f, i, i, []string{"IDLE_CODE", "WRAP_UP_CODE"}[i%2])
		}
		p := filepath.Join(dir, fmt.Sprintf("work types %d.csv", f))
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	var got []progress.Count
	pkg, _, err := PackFiles(paths, filepath.Join(dir, "out.zip"), PackOptions{Progress: func(c progress.Count) { got = append(got, c) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 26 {
		t.Fatalf("%d reports, want 25 (one a thousand records) and the end: %+v", len(got), got)
	}
	for i, c := range got[:25] {
		if c.Done != (i+1)*1000 || c.Total != 0 || c.Share <= 0 || c.Share > 1 || (i > 0 && c.Share < got[i-1].Share) {
			t.Errorf("report %d = %+v", i, c)
		}
	}
	if got[0].Share > 0.5 {
		t.Errorf("after 1,000 of 25,000 records the share read is %.2f", got[0].Share)
	}
	if end := got[25]; end.Done != pkg.Records || end.Total != 25000 || end.Share != 1 {
		t.Errorf("the last report = %+v, want 25000 of 25000 (%d records packed)", end, pkg.Records)
	}
}
