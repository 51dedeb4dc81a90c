package sheets

import (
	"encoding/binary"
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
