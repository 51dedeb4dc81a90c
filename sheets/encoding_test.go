package sheets

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func enc1250(s string) []byte {
	b, err := charmap.Windows1250.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func enc1252(s string) []byte {
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

// TestGuessCodePage: text from each locale is read back as written.
func TestGuessCodePage(t *testing.T) {
	tests := []struct {
		text string
		want *charmap.Charmap
	}{
		{"Dvořák;Třebíč", charmap.Windows1250},
		{"Černá Hora", charmap.Windows1250},
		{"Vočko", charmap.Windows1250},
		{"Kůň;pěšky;ďábel;Ťapka", charmap.Windows1250},
		{"Łódź;Żółć;Kraków", charmap.Windows1250},
		{"Ľubomír Štúr", charmap.Windows1250},
		{"Crème brûlée à la carte", charmap.Windows1252},
		{"España;Señor", charmap.Windows1252},
		{"Bjørn Ålesund", charmap.Windows1252},
		{"Perché è così", charmap.Windows1252},
		{"São João", charmap.Windows1252},
		{"Straße;München;Köln", charmap.Windows1252}, // decodes alike: no evidence, 1252
	}
	for _, tt := range tests {
		var b []byte
		if tt.want == charmap.Windows1250 {
			b = enc1250(tt.text)
		} else {
			b = enc1252(tt.text)
		}
		if got := guessCodePage(b); got != tt.want {
			t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
		}
	}
}

func decodeAll(t *testing.T, b []byte, forced string) (string, string) {
	t.Helper()
	tr, err := newTextReader(bytes.NewReader(b), "f.csv", forced)
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(tr)
	if err != nil {
		t.Fatal(err)
	}
	return string(out), tr.Encoding()
}

func TestTextReader(t *testing.T) {
	utf16le := func(s string) []byte {
		b, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
		return b
	}
	utf16be := func(s string) []byte {
		b, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		return b
	}
	longASCII := strings.Repeat("plain ascii line,0\r\n", 5000) // 100 KB before the first accent
	tests := []struct {
		name   string
		in     []byte
		forced string
		want   string
		enc    string
	}{
		{"ascii", []byte("Name\r\nA\r\n"), "", "Name\r\nA\r\n", "ascii"},
		{"utf-8", []byte("Name\r\nŽižkov\r\n"), "", "Name\r\nŽižkov\r\n", UTF8},
		{"utf-8 bom", []byte("\xEF\xBB\xBFName\r\n"), "", "Name\r\n", UTF8},
		{"utf-16le bom", append([]byte{0xFF, 0xFE}, utf16le("Name\tŽ\r\n")...), "", "Name\tŽ\r\n", UTF16LE},
		{"utf-16be bom", utf16be("Name\tŽ\r\n"), "", "Name\tŽ\r\n", UTF16BE},
		{"utf-16le no bom", utf16le("Name,Site\r\nPraha,Brno\r\n"), "", "Name,Site\r\nPraha,Brno\r\n", UTF16LE},
		{"1250", enc1250("Name\r\nPraha Dvořák\r\n"), "", "Name\r\nPraha Dvořák\r\n", Windows1250},
		{"1252", enc1252("Name\r\nCrème à\r\n"), "", "Name\r\nCrème à\r\n", Windows1252},
		{"late accent", append([]byte(longASCII), enc1250("Dvořák\r\n")...), "", longASCII + "Dvořák\r\n", Windows1250},
		{"late utf-8", append([]byte(longASCII), "Dvořák\r\n"...), "", longASCII + "Dvořák\r\n", UTF8},
		{"forced 1252", enc1250("Vočko"), Windows1252, "Voèko", Windows1252},
		{"forced 1250", enc1250("Vočko"), "cp1250", "Vočko", Windows1250},
		{"forced utf-8 drops bom", []byte("\xEF\xBB\xBFx"), "UTF-8", "x", UTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc := decodeAll(t, tt.in, tt.forced)
			if got != tt.want {
				t.Errorf("text %q, want %q", cut(got), cut(tt.want))
			}
			if enc != tt.enc {
				t.Errorf("encoding %q, want %q", enc, tt.enc)
			}
		})
	}
}

func cut(s string) string {
	if len(s) > 80 {
		return s[:40] + "…" + s[len(s)-40:]
	}
	return s
}

func TestTextReaderRefuses(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		forced string
		want   string
	}{
		{"xlsx renamed", "PK\x03\x04rest", "", "x.csv: this is an XLSX workbook or a zip, not a CSV file"},
		{"xls renamed", "\xD0\xCF\x11\xE0rest", "", "x.csv: this is an old Excel 97-2003 workbook"},
		{"unknown forced", "a", "ebcdic", `x.csv: unknown encoding "ebcdic"`},
	}
	for _, tt := range tests {
		_, err := newTextReader(strings.NewReader(tt.in), "x.csv", tt.forced)
		wantErr(t, err, tt.want)
	}
}

func TestLastRuneStart(t *testing.T) {
	z := []byte("ab\u017d") // Ž is two bytes
	for _, tt := range []struct {
		in   []byte
		want int
	}{{z, 4}, {z[:3], 2}, {[]byte("abc"), 3}, {[]byte("€")[:2], 0}, {nil, 0}} {
		if got := lastRuneStart(tt.in); got != tt.want {
			t.Errorf("%q: %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestASCIIPrefix: the run of ASCII bytes ends at the first byte of a non-ASCII
// character wherever it falls in the eight-byte words.
func TestASCIIPrefix(t *testing.T) {
	for i := 0; i < 20; i++ {
		b := []byte(strings.Repeat("a", i) + "é" + "bbbbbbbbbb")
		if got := asciiPrefix(b); got != i {
			t.Errorf("é after %d bytes: prefix %d", i, got)
		}
		if got := asciiPrefix(b[:i]); got != i {
			t.Errorf("%d ASCII bytes: prefix %d", i, got)
		}
	}
}
