package sheets

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestPackZipVersionFields: each entry's local header and central directory record say
// "version needed to extract" 2.0 and "version made by" 2.0, as APPNOTE asks of a
// deflated entry (zipinfo -v showed 0.0 for both). Read from the bytes, as any unzip
// or Control Hub reads them.
func TestPackZipVersionFields(t *testing.T) {
	p, err := Pack(vUsers(t, 12), filepath.Join(t.TempDir(), "users"), Limits{MaxRecords: 5, MaxBytes: 10 << 20})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(p.Path)
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	locals, central := 0, 0
	for i := 0; i+46 <= len(b); {
		switch le.Uint32(b[i:]) {
		case 0x04034b50: // local file header: needed at 4, method at 8, sizes at 18
			if need := le.Uint16(b[i+4:]); need != 20 {
				t.Errorf("local header %d: version needed to extract %d.%d, want 2.0", locals+1, need/10, need%10)
			}
			if m := le.Uint16(b[i+8:]); m != 8 {
				t.Errorf("local header %d: method %d, want 8 (deflate)", locals+1, m)
			}
			locals++
			i += 30 + int(le.Uint16(b[i+26:])) + int(le.Uint16(b[i+28:])) + int(le.Uint32(b[i+18:]))
		case 0x02014b50: // central directory: made by at 4, needed at 6
			if made := le.Uint16(b[i+4:]); made != 20 {
				t.Errorf("central record %d: version made by %#04x, want 0x0014 (MS-DOS, 2.0)", central+1, made)
			}
			if need := le.Uint16(b[i+6:]); need != 20 {
				t.Errorf("central record %d: version needed to extract %d.%d, want 2.0", central+1, need/10, need%10)
			}
			central++
			i += 46 + int(le.Uint16(b[i+28:])) + int(le.Uint16(b[i+30:])) + int(le.Uint16(b[i+32:]))
		default:
			i = len(b)
		}
	}
	if locals != 3 || central != 3 {
		t.Fatalf("%d local headers and %d central records, want 3 of each", locals, central)
	}
}

// TestPackZipDeflatedAsWritten: a zip's files are deflated as they are written (no file
// held whole), and each entry is still byte for byte what deflating the whole file gives
// (compress, as packs were made before), with its CRC and size: the packages do not
// change. The files are compared with PackInMemory's, which are kept whole.
func TestPackZipDeflatedAsWritten(t *testing.T) {
	s := vUsers(t, 40)
	lim := Limits{MaxRecords: 7, MaxBytes: 10 << 20}
	p, err := Pack(s, filepath.Join(t.TempDir(), "users.zip"), lim)
	if err != nil {
		t.Fatal(err)
	}
	mem, err := PackInMemory(s, "users", lim)
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.OpenReader(p.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	if len(z.File) != 6 || len(mem.Parts) != 6 {
		t.Fatalf("%d entries, %d files in memory; want 6 of each", len(z.File), len(mem.Parts))
	}
	for i, f := range z.File {
		var text bytes.Buffer
		if err := WriteCSV(&text, mem.Parts[i]); err != nil {
			t.Fatal(err)
		}
		want := compress(text.Bytes())
		r, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(r)
		if !bytes.Equal(got, want.data) || f.CRC32 != want.crc || f.UncompressedSize64 != uint64(want.n) {
			t.Errorf("%s: %d bytes deflated (CRC %08x, %d bytes), deflating the whole file gives %d (CRC %08x, %d bytes)",
				f.Name, len(got), f.CRC32, f.UncompressedSize64, len(want.data), want.crc, want.n)
		}
	}
}
