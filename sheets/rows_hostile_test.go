package sheets

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

// hostileTexts are the files of the hostile-input cases whose findings depend on how the
// text was decoded or what it holds, as the bytes a user's file has.
func hostileTexts(t *testing.T) map[string][]byte {
	t.Helper()
	sjis, err := japanese.ShiftJIS.NewEncoder().String("Name,Description,Channel Type\r\n東京本社,日本語のテスト,CHAT\r\n大阪,Osaka,CHAT\r\n")
	if err != nil {
		t.Fatal(err)
	}
	var late strings.Builder // a 1250 line past the first 64 KB of a UTF-8 file
	late.WriteString("Name,Channel Type\r\n")
	for i := 0; i < 8000; i++ {
		fmt.Fprintf(&late, "Žižkov %d,CHAT\r\n", i)
	}
	late.WriteString("Dvo\xf8\xe1k,CHAT\r\nCaf\xe9,CHAT\r\n")
	bjorn, _ := charmap.Windows1252.NewEncoder().String("Name,Channel Type\r\nBjørn,CHAT\r\nOslo,CHAT\r\n")
	return map[string][]byte{
		"shift-jis":     []byte(sjis),
		"mixed":         []byte("Name,Description,Channel Type\r\nCafé Praha,Žluťoučký kůň,CHAT\r\nCaf\xe9 Brno,x,CHAT\r\nNové Město,y,CHAT\r\n"),
		"late 1250":     []byte(late.String()),
		"ambiguous":     []byte(bjorn),
		"control chars": []byte("Name,Description,Channel Type,Note\r\nA\x1b[31m,\"two\tlines\nhere\",CHAT,x\x00y\r\nB\x7f,ok,CHAT,\r\n"),
		"replacement":   []byte("Name,Channel Type\r\nCaf\uFFFD,CHAT\r\n"),
		"formula":       []byte("Name,Channel Type\r\n=1+1,CHAT\r\n'@x,CHAT\r\n"),
	}
}

// TestStreamHostileFindingsMatchWhole: what validate prints for a mis-encoded file (and
// one with control characters, U+FFFD or formulas) is the same line for line whether the
// file is checked as a stream (CheckFiles, what the CLI does) or read whole and
// validated (what the window does), with the encoding detected or chosen, and the
// formula protection taken off or not.
func TestStreamHostileFindingsMatchWhole(t *testing.T) {
	opts := []ReadOptions{{}, {Encoding: Windows1252}, {Encoding: "shift_jis"}, {Unprotect: true}}
	for name, b := range hostileTexts(t) {
		p := filepath.Join(t.TempDir(), name+".csv")
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, opt := range opts {
			opt.Object = ioObject
			t.Run(fmt.Sprintf("%s/%+v", name, opt.Encoding), func(t *testing.T) {
				s, err := ReadFile(p, opt)
				if err != nil {
					t.Fatal(err)
				}
				whole := lines(Validate([]*Sheet{s}, nil))
				rep, err := CheckFiles([]Source{FileSource(p, opt)}, CheckOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if got := lines(rep.Findings); !slices.Equal(got, whole) {
					vDiff(t, got, whole)
					t.Fatal("the streamed check prints other findings than the whole-sheet one")
				}
			})
		}
	}
}

func lines(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.String()
	}
	return out
}

// TestStreamEncodingFindings: the streamed check says on the cells a guess touched what
// the guess was, as the issue asks: the Japanese file read as 1252, the 1250 line past
// the first 64 KB of a UTF-8 file.
func TestStreamEncodingFindings(t *testing.T) {
	texts := hostileTexts(t)
	for _, c := range []struct{ name, want string }{
		{"shift-jis", `:2:Name: error: Name "“Œ‹ž–{ŽÐ" does not read as text: the file was read as windows-1252, a guess, and its letters fit no language; it may be in shift_jis`},
		{"late 1250", `:8002:Name: warning: Name "Dvořák" was not UTF-8 like the rest of the file: it was read as windows-1250, a guess`},
		{"mixed", `:3:Name: warning: Name "Café Brno" was not UTF-8 like the rest of the file: it was read as windows-1252, a guess`},
	} {
		p := filepath.Join(t.TempDir(), "in.csv")
		os.WriteFile(p, texts[c.name], 0o600)
		rep, err := CheckFiles([]Source{FileSource(p, ReadOptions{Object: ioObject})}, CheckOptions{Cap: 100})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(lines(rep.Findings), "\n"); !strings.Contains(got, p+c.want) {
			t.Errorf("%s: findings\n%s\ndo not say %q", c.name, got, c.want)
		}
	}
}

// TestStreamRefusesWhatReadFileRefuses: a file the whole-sheet reader refuses (a mixed
// file said to be UTF-8, a damaged workbook, a shared-strings bomb) is refused by the
// stream with the same message, before anything is packed.
func TestStreamRefusesWhatReadFileRefuses(t *testing.T) {
	dir := t.TempDir()
	mixed := filepath.Join(dir, "mixed.csv")
	os.WriteFile(mixed, hostileTexts(t)["mixed"], 0o600)
	good := rowsWorkbook(t, 3000)
	const part = "xl/worksheets/sheet1.xml"
	body := zipEntry(t, good, part)
	damaged := filepath.Join(dir, "damaged.xlsx")
	os.WriteFile(damaged, replaceEntry(t, good, part, body[:len(body)/2]), 0o600)
	bomb := filepath.Join(dir, "bomb.xlsx")
	os.WriteFile(bomb, bombWorkbook(t, 30000, 200000, 3), 0o600)
	bombs := filepath.Join(dir, "bombs.zip")
	b, _ := os.ReadFile(bomb)
	os.WriteFile(bombs, makeZip(t, zipFile{"bomb.xlsx", string(b)}), 0o600)
	for _, c := range []struct {
		path string
		opt  ReadOptions
		want string
	}{
		{mixed, ReadOptions{Encoding: UTF8}, mixed + ":3:Name: the text is not valid utf-8, the encoding chosen"},
		{damaged, ReadOptions{}, damaged + ": the workbook is damaged: its part " + part + " stops before its end"},
		{bomb, ReadOptions{}, bomb + ":2332: the cells up to this row hold more than 200 MB of text"},
		{bombs, ReadOptions{}, bombs + "!bomb.xlsx:2332: the cells up to this row hold more than 200 MB of text"},
	} {
		c.opt.Object = ioObject
		_, err := ReadFile(c.path, c.opt)
		wantErr(t, err, c.want)
		_, err = CheckFiles([]Source{FileSource(c.path, c.opt)}, CheckOptions{})
		wantErr(t, err, c.want)
		out := filepath.Join(dir, "out.zip")
		_, _, err = PackFiles([]string{c.path}, out, PackOptions{Read: c.opt})
		wantErr(t, err, c.want)
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s: a refused pack left %s behind", c.path, out)
		}
	}
}

// TestStreamCSVNotBoundByText: a stream holds no more than a group of rows, so a CSV
// file's text is not held to MaxSheetText when streamed (its cells cannot hold more than
// the file), while reading it whole is; a workbook is bound either way (see above).
func TestStreamCSVNotBoundByText(t *testing.T) {
	defer func(m int64) { MaxSheetText = m }(MaxSheetText)
	MaxSheetText = 10 << 10
	var b bytes.Buffer
	b.WriteString("Name,Description,Channel Type\r\n")
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&b, "Site %d,%s,CHAT\r\n", i, strings.Repeat("d", 200))
	}
	p := filepath.Join(t.TempDir(), "big.csv")
	os.WriteFile(p, b.Bytes(), 0o600)
	_, err := ReadFile(p, ReadOptions{Object: ioObject})
	wantErr(t, err, "more than 10 KB of text")
	rep, err := CheckFiles([]Source{FileSource(p, ReadOptions{Object: ioObject})}, CheckOptions{})
	if err != nil || rep.Records[0] != 100 {
		t.Fatalf("streamed: %v records, %v", rep, err)
	}
}
