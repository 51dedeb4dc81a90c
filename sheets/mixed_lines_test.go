package sheets

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

// TestMixedEncodingLinesFlagged: a file of windows-1252 lines with one UTF-8 line and
// one Shift-JIS line is read in one code page, the guess; every line the guess got wrong
// is flagged for what it is: the UTF-8 line says its bytes are UTF-8 and how they read
// so (not a suggestion of another code page), the Shift-JIS line does not pass as
// mojibake, and the windows-1252 lines, read right, are not condemned with the file.
func TestMixedEncodingLinesFlagged(t *testing.T) {
	cp := func(s string) []byte { b, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(s)); return b }
	sjis, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte("東京チーム"))
	var b bytes.Buffer
	b.WriteString("Name,Site,Type\r\n")
	for _, n := range []string{"Café Équipe", "Señor Niño", "Crème Brûlée", "Müller Größe"} {
		b.Write(cp(n + ",S,AGENT\r\n"))
	}
	b.WriteString("Zoë Straße,S,AGENT\r\n") // UTF-8
	b.Write(append(sjis, ",S,AGENT\r\n"...))
	s := mustRead(t)(ReadCSV(bytes.NewReader(b.Bytes()), "teams.csv", ReadOptions{}))
	if s.Decoded == nil || s.Decoded.Encoding != Windows1252 {
		t.Fatalf("decoded as %+v; the test wants the windows-1252 guess", s.Decoded)
	}
	got := strings.Join(vLines(Validate([]*Sheet{s}, nil)), "\n")
	for _, want := range []string{
		`teams.csv:6:Name: warning: Name "ZoÃ« StraÃŸe" was read as windows-1252, a guess, but its bytes are UTF-8, where it reads "Zoë Straße"`,
		`teams.csv:7:Name: error: Name`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "teams.csv:6:Name: warning: Name \"ZoÃ« StraÃŸe\" was read as windows-1252, a guess from too few letters") {
		t.Errorf("the UTF-8 line is told of another code page:\n%s", got)
	}
	if !strings.Contains(got, "teams.csv:7:Name: error: Name \"“Œ‹žƒ`�[ƒ€\" does not read as text") {
		t.Errorf("the Shift-JIS line passes:\n%s", got)
	}
	for _, row := range []string{":2:", ":3:", ":4:", ":5:"} {
		if strings.Contains(got, row) {
			t.Errorf("a windows-1252 line, read right, is flagged:\n%s", got)
		}
	}
}
