package jobs

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

// A draft is packed once, in memory: the job's package is the file bulkops pack writes
// for the same sheet (a CSV byte for byte; a zip byte for byte but for its entries'
// dates, the time of packing), and the job's rows are what reading that package back
// gives, though the submit no longer reads it.
func TestDraftPackedOnce(t *testing.T) {
	var big strings.Builder
	big.WriteString("Name,Multimedia Profile\n")
	for i := range 5100 { // more than one file takes: a zip of two
		fmt.Fprintf(&big, "Site %04d,Voice Only\n", i)
	}
	cases := map[string]string{
		"one file": "Name,Multimedia Profile,Description\nBrno,voice only,\" Chat, VIP \"\nPrague,Digital Only,\n",
		"a zip":    big.String(),
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, envOptions{})
			in := filepath.Join(t.TempDir(), "sites.csv")
			if err := os.WriteFile(in, []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
			obj := mustObject(t, "site")
			file, _, err := sheets.PackFiles([]string{in}, filepath.Join(t.TempDir(), "sites"), sheets.PackOptions{Read: sheets.ReadOptions{Object: obj}})
			if err != nil {
				t.Fatal(err)
			}
			want, _ := os.ReadFile(file.Path)
			sh, err := sheets.ReadFile(in, sheets.ReadOptions{Object: obj})
			if err != nil {
				t.Fatal(err)
			}
			d, err := BuildDraft(DraftSource{Sheets: []*sheets.Sheet{sh}, Base: "sites"})
			if err != nil || d.Err() != nil {
				t.Fatal(err, d.Err())
			}
			ctx := context.Background()
			j, err := e.eng.SubmitDraft(ctx, d, "ada")
			if err != nil {
				t.Fatal(err)
			}
			got, err := e.eng.Store.Package(ctx, j.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Name != filepath.Base(file.Path) {
				t.Errorf("the job's package is %s, bulkops pack wrote %s", got.Name, filepath.Base(file.Path))
			}
			samePackage(t, got.Data, want)
			files, rows, err := parsePackage(got, obj)
			if err != nil {
				t.Fatal(err)
			}
			jfiles, _ := e.eng.Store.Files(ctx, j.ID)
			jrows, _ := e.eng.Store.Rows(ctx, j.ID)
			if !reflect.DeepEqual(jfiles, files) || len(jrows) != len(rows) {
				t.Fatalf("the job's files %q and %d rows; the package read back: %q and %d rows", jfiles, len(jrows), files, len(rows))
			}
			for i, r := range rows {
				g := jrows[i]
				if g.Seq != r.Seq || g.Unit != r.Unit || g.File != r.File || g.Number != r.Number || !reflect.DeepEqual(g.Cells, r.Cells) {
					t.Fatalf("row %d: the job has %+v, the package read back %+v", i, g, r)
				}
			}
		})
	}
}

// samePackage compares a package with the file bulkops pack wrote: a CSV byte for byte,
// a zip entry by entry, headers (but for the dates) and compressed bytes.
func samePackage(t *testing.T, got, want []byte) {
	t.Helper()
	zg, errg := zip.NewReader(bytes.NewReader(got), int64(len(got)))
	zw, errw := zip.NewReader(bytes.NewReader(want), int64(len(want)))
	if errg != nil || errw != nil {
		if !bytes.Equal(got, want) {
			t.Errorf("the package (%d bytes) is not the file bulkops pack wrote (%d bytes):\n%s\n%s", len(got), len(want), got, want)
		}
		return
	}
	if len(got) != len(want) || len(zg.File) != len(zw.File) {
		t.Fatalf("zip of %d bytes and %d files; bulkops pack wrote %d bytes and %d files", len(got), len(zg.File), len(want), len(zw.File))
	}
	for i, f := range zg.File {
		h, w := f.FileHeader, zw.File[i].FileHeader
		//lint:ignore SA1019 the legacy MS-DOS date fields are in the header too: the time of packing, the one difference allowed
		h.Modified, h.ModifiedDate, h.ModifiedTime = w.Modified, w.ModifiedDate, w.ModifiedTime
		if !reflect.DeepEqual(h, w) || !bytes.Equal(rawOf(t, f), rawOf(t, zw.File[i])) {
			t.Errorf("entry %d: %+v\nbulkops pack wrote %+v", i, h, w)
		}
	}
}

func rawOf(t *testing.T, f *zip.File) []byte {
	r, err := f.OpenRaw()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r)
	return b
}
