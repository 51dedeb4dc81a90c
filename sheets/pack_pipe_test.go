package sheets

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackFilesMatchesPack: bulkops pack (the stream, its files encoded on a goroutine of
// their own a batch of groups at a time) writes the very files Pack writes from the sheet
// in memory: parts that end inside a batch, groups across batches, awkward values.
func TestPackFilesMatchesPack(t *testing.T) {
	var b strings.Builder
	b.WriteString("Name,Description,Type\r\n")
	for i := range 3500 {
		desc := fmt.Sprintf("Reason %d", i)
		if i%7 == 0 {
			desc = fmt.Sprintf(`Reason "%d", with quotes; and more`, i)
		}
		desc = `"` + strings.ReplaceAll(desc, `"`, `""`) + `"`
		fmt.Fprintf(&b, "Break %05d,%s,%s\r\n", i, desc, []string{"IDLE_CODE", "WRAP_UP_CODE"}[i%2])
	}
	cases := []struct {
		name string
		file string // under testdata/pack, or "" for the work types above
		text string
		lim  Limits
	}{
		{"work types, parts of 1000", "", b.String(), Limits{MaxRecords: 1000, MaxBytes: 10 << 20}},
		{"work types, parts of 64 kB", "", b.String(), Limits{MaxRecords: 5000, MaxBytes: 64 << 10}},
		{"queues, groups", "queues.csv", "", Limits{MaxRecords: 5, MaxBytes: 1 << 20}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join("testdata", "pack", c.file)
			if c.file == "" {
				in = filepath.Join(dir, "work types.csv")
				if err := os.WriteFile(in, []byte(c.text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			s, err := ReadFile(in, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want, err := Pack(s, filepath.Join(dir, "mem.zip"), c.lim)
			if err != nil {
				t.Fatal(err)
			}
			got, _, err := PackFiles([]string{in}, filepath.Join(dir, "stream.zip"), PackOptions{Limits: c.lim})
			if err != nil {
				t.Fatal(err)
			}
			if got.Records != want.Records || len(got.Files) != len(want.Files) || len(got.Files) < 2 {
				t.Fatalf("stream: %d records in %d files; memory: %d in %d", got.Records, len(got.Files), want.Records, len(want.Files))
			}
			gn, gd := vZip(t, got.Path)
			wn, wd := vZip(t, want.Path)
			if len(gn) != len(wn) {
				t.Fatalf("entries %q, want %d", gn, len(wn))
			}
			for i := range gn {
				if !bytes.Equal(gd[gn[i]], wd[wn[i]]) {
					t.Errorf("file %d differs from Pack's", i+1)
				}
			}
		})
	}
}
