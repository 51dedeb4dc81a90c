package sheets

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type zipFile struct {
	name string
	body string
}

// makeZip builds a zip the ordinary way: names and sizes as given.
func makeZip(t testing.TB, files ...zipFile) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, f.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// lyingZip holds one entry whose header understates its size: it claims 10 bytes and
// unpacks to body.
func lyingZip(t *testing.T, name, body string, flags uint16) []byte {
	var packed bytes.Buffer
	fw, _ := flate.NewWriter(&packed, flate.BestCompression)
	io.WriteString(fw, body)
	fw.Close()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, Flags: flags,
		CRC32: crc32.ChecksumIEEE([]byte(body)), CompressedSize64: uint64(packed.Len()), UncompressedSize64: 10})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(packed.Bytes())
	zw.Close()
	return b.Bytes()
}

func openBytes(b []byte) (*Zip, error) {
	return NewZipReader(bytes.NewReader(b), int64(len(b)), "in.zip")
}

func limits(t *testing.T, set func(*ArchiveLimits)) {
	old := ZipLimits
	t.Cleanup(func() { ZipLimits = old })
	set(&ZipLimits)
}

// TestHostileZips: each is refused with a message naming the zip and the entry.
func TestHostileZips(t *testing.T) {
	zeros := strings.Repeat("\x00", 3<<20)
	tests := []struct {
		name string
		zip  []byte
		set  func(*ArchiveLimits)
		want string
	}{
		{"parent dir", makeZip(t, zipFile{"../evil.csv", "x"}), nil, `in.zip!../evil.csv: the entry's path climbs out of the zip with ".."`},
		{"inner parent dir", makeZip(t, zipFile{"ok.csv", "Name\n"}, zipFile{"a/../../evil.csv", "x"}), nil, "in.zip!a/../../evil.csv: the entry's path climbs out"},
		{"backslashes", makeZip(t, zipFile{`..\evil.csv`, "x"}), nil, `in.zip!..\evil.csv: the entry's path climbs out`},
		{"absolute", makeZip(t, zipFile{"/etc/cron.d/evil.csv", "x"}), nil, "in.zip!/etc/cron.d/evil.csv: the entry has an absolute path"},
		{"drive letter", makeZip(t, zipFile{`C:\Windows\evil.csv`, "x"}), nil, `in.zip!C:\Windows\evil.csv: the entry has an absolute path`},
		{"ratio bomb", makeZip(t, zipFile{"zeros.csv", zeros}), nil, "in.zip!zeros.csv: is compressed more than 100:1; refused (a zip bomb?)"},
		{"entry too big", makeZip(t, zipFile{"big.csv", strings.Repeat("x", 2000)}), func(l *ArchiveLimits) { l.MaxEntry = 1000 },
			"in.zip!big.csv: unpacks to 2 KB, more than the 1 KB allowed for one entry"},
		{"total too big", makeZip(t, zipFile{"a.csv", strings.Repeat("a", 600)}, zipFile{"b.csv", strings.Repeat("b", 600)}),
			func(l *ArchiveLimits) { l.MaxTotal = 1000 }, "in.zip!b.csv: the entries unpack to more than 1 KB in all"},
		{"too many entries", makeZip(t, zipFile{"a.csv", ""}, zipFile{"b.csv", ""}, zipFile{"c.csv", ""}),
			func(l *ArchiveLimits) { l.MaxEntries = 2 }, "in.zip: holds 3 entries, more than the 2 allowed"},
		{"not a zip", []byte("Name,Code\n"), nil, "in.zip: not a readable zip file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.set != nil {
				limits(t, tt.set)
			}
			z, err := openBytes(tt.zip)
			if err == nil {
				_, err = readZip(z, ReadOptions{Object: ioObject})
			}
			wantErr(t, err, tt.want)
		})
	}
}

// TestLyingHeader: an entry that unpacks to more than its header says is cut off.
func TestLyingHeader(t *testing.T) {
	z, err := openBytes(lyingZip(t, "liar.csv", strings.Repeat("Name\n", 1000), 0))
	if err != nil {
		t.Fatal(err)
	}
	_, err = readZip(z, ReadOptions{Object: ioObject})
	wantErr(t, err, "in.zip!liar.csv: cannot unpack the entry: it is damaged, or unpacks to other than what the zip's directory says")
}

func TestEncryptedEntry(t *testing.T) {
	z, err := openBytes(lyingZip(t, "secret.csv", "0123456789", 0x1))
	if err != nil {
		t.Fatal(err)
	}
	_, err = z.Entries[0].Open()
	wantErr(t, err, "in.zip!secret.csv: the entry is encrypted")
}

// TestLimitedEntry: the limits hold while reading, whatever the directory said, for
// readers that do not check the size themselves.
func TestLimitedEntry(t *testing.T) {
	tests := []struct {
		name   string
		packed uint64
		body   int
		set    func(*ArchiveLimits)
		want   string
	}{
		{"per entry", 1 << 20, 5000, func(l *ArchiveLimits) { l.MaxEntry = 4096 }, "z.zip!e.csv: unpacks to more than the 4 KB allowed"},
		{"total", 1 << 20, 5000, func(l *ArchiveLimits) { l.MaxTotal = 4096 }, "z.zip!e.csv: the entries unpack to more than 4 KB in all"},
		{"ratio", 100, 2 << 20, nil, "z.zip!e.csv: is compressed more than 100:1"},
		{"within limits", 1 << 20, 5000, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.set != nil {
				limits(t, tt.set)
			}
			z := &Zip{Name: "z.zip", limits: ZipLimits}
			e := &ZipEntry{Name: "e.csv", z: z, f: &zip.File{FileHeader: zip.FileHeader{CompressedSize64: tt.packed}}}
			rc := io.NopCloser(strings.NewReader(strings.Repeat("x", tt.body)))
			l := &limitedEntry{e: e, rc: rc, r: io.LimitReader(rc, z.limits.MaxEntry+1)}
			n, err := io.Copy(io.Discard, l)
			if tt.want == "" {
				if err != nil || n != int64(tt.body) {
					t.Errorf("read %d (%v), want %d", n, err, tt.body)
				}
				return
			}
			wantErr(t, err, tt.want)
			var re *ReadError
			if !errors.As(err, &re) {
				t.Errorf("not a ReadError: %T", err)
			}
		})
	}
}

func TestOpenZip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audio.zip")
	b := makeZip(t, zipFile{"hello.wav", "RIFF"}, zipFile{"folder/", ""}, zipFile{"folder/bye.wav", "RIFF2"},
		zipFile{"__MACOSX/folder/._bye.wav", "junk"}, zipFile{".DS_Store", "junk"})
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	z, err := OpenZip(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var got []string
	for _, e := range z.Entries {
		rc, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, e.Path()+"="+string(body))
		if e.Size != int64(len(body)) {
			t.Errorf("%s: size %d, body %d", e.Name, e.Size, len(body))
		}
	}
	want := path + "!hello.wav=RIFF," + path + "!folder/bye.wav=RIFF2"
	if strings.Join(got, ",") != want {
		t.Errorf("entries %q, want %q", got, want)
	}
}
