package sheets

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestReadXLSXDamagedLargeParts: the large worksheet and shared strings the reader
// streams itself, checked as they are read rather than unpacked once more beforehand,
// are refused when damaged as every other part is: with the same words, and nothing read.
func TestReadXLSXDamagedLargeParts(t *testing.T) {
	good := rowsWorkbook(t, 12000)
	z, err := NewZipReader(bytes.NewReader(good), int64(len(good)), "book.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	sheet, sst := worksheetPart(z, "Sites"), sharedStringsPart(z)
	if skip, ok := largeParts(z); !ok || !skip[sheet] || !skip[sst] {
		t.Fatalf("large parts %v (ok %v): want %s and %s, the parts the reader checks as it reads", skip, ok, sheet, sst)
	}
	s := mustRead(t)(ReadXLSX(bytes.NewReader(good), "good.xlsx", ReadOptions{Object: ioObject}))
	if len(s.Rows) != 12000 {
		t.Fatalf("the undamaged workbook reads %d rows", len(s.Rows))
	}
	for _, part := range []string{sheet, sst} {
		body := zipEntry(t, good, part)
		for _, c := range []struct {
			name string
			b    []byte
			want string
		}{
			{"deflated data cut short", rewriteEntry(t, good, part, func(_ *zip.FileHeader, _, d []byte) []byte { return d[:len(d)/2] }),
				"is shorter than the workbook's directory says, or does not match its checksum"},
			{"stored data cut short", rewriteEntry(t, good, part, func(fh *zip.FileHeader, body, _ []byte) []byte {
				fh.Method = zip.Store
				return body[:len(body)/2]
			}), "is shorter than the workbook's directory says, or does not match its checksum"},
			{"wrong checksum", rewriteEntry(t, good, part, func(fh *zip.FileHeader, _, d []byte) []byte { fh.CRC32++; return d }),
				"is shorter than the workbook's directory says, or does not match its checksum"},
			{"XML cut short", replaceEntry(t, good, part, body[:len(body)/2]), "stops before its end (the XML is not closed)"},
			{"XML cut after the rows", replaceEntry(t, good, part, body[:len(body)-20]), "stops before its end (the XML is not closed)"},
		} {
			t.Run(part+"/"+c.name, func(t *testing.T) {
				_, err := ReadXLSX(bytes.NewReader(c.b), "book.xlsx", ReadOptions{Object: ioObject})
				wantErr(t, err, "book.xlsx: the workbook is damaged: its part "+part+" ", c.want, "nothing read")
				path := filepath.Join(t.TempDir(), "book.xlsx")
				os.WriteFile(path, c.b, 0o644)
				_, err = ReadFile(path, ReadOptions{Object: ioObject})
				wantErr(t, err, path+": the workbook is damaged: its part "+part+" ", c.want)
			})
		}
	}
}
