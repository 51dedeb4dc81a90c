package sheets

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/bulkops/bulkops/internal/i18n"
)

// Text encodings a CSV file may come in, as Excel writes them in different locales:
// "CSV UTF-8" (with a byte-order mark), "Unicode text" (UTF-16 LE with a BOM, tabs), and
// plain "CSV" in the Windows code page of the locale: 1250 in Czech, Polish, Slovak or
// Hungarian Windows, 1252 in German, US, French and other western ones.
const (
	UTF8        = "utf-8"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Windows1250 = "windows-1250"
	Windows1252 = "windows-1252"
)

// sniffSize is how much text is looked at to choose an encoding or a separator.
const sniffSize = 64 << 10

// textReader decodes a file's bytes to UTF-8. Without a byte-order mark it passes ASCII
// through until the first other byte, then looks at up to 64 KB from there: valid UTF-8
// stays UTF-8; UTF-8 with a few stray bytes (a line pasted from a Windows-1252 file)
// stays UTF-8 and the cells holding them are repaired one by one (fixCells); anything
// else is decoded as the Windows code page whose letters fit best. So a decision is never
// made on a file's ASCII head alone. Where the decision was a guess, info says so, and
// the sheet's cells it touched carry findings (Decoding).
type textReader struct {
	br     *bufio.Reader
	dec    io.Reader // nil until the encoding is known
	enc    string
	forced bool             // the encoding was given, not detected
	cp     *charmap.Charmap // for bytes that are not UTF-8 in a UTF-8 file; nil: guess per cell
	info   Decoding         // what detection guessed, for findings on the cells it touched
}

func newTextReader(r io.Reader, name, forced string) (*textReader, error) {
	t := &textReader{br: bufio.NewReaderSize(r, sniffSize)}
	if forced != "" {
		t.forced = true
		return t, t.force(strings.ToLower(strings.TrimSpace(forced)), name)
	}
	head, _ := t.br.Peek(4)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		_, _ = t.br.Discard(3)
		t.use(UTF8, t.br)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		t.use16(head[0] == 0xFF, xunicode.ExpectBOM)
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return nil, readErr(name, 0, "", i18n.M("this is an XLSX workbook or a zip, not a CSV file; give it the right extension (.xlsx or .zip)"))
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, readErr(name, 0, "", i18n.M("this is an old Excel 97-2003 workbook, not a CSV file; save it as .xlsx or as CSV UTF-8"))
	default:
		sample, _ := t.br.Peek(512)
		if le, ok := utf16NoBOM(sample); ok {
			t.use16(le, xunicode.IgnoreBOM)
		}
	}
	return t, nil
}

func (t *textReader) force(enc, name string) error {
	switch enc {
	case UTF8, "utf8":
		if head, _ := t.br.Peek(3); bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
			_, _ = t.br.Discard(3)
		}
		t.use(UTF8, t.br)
	case UTF16LE, UTF16BE:
		t.use16(enc == UTF16LE, xunicode.IgnoreBOM) // a BOM left in is taken off the header
	case Windows1250, "cp1250":
		t.useCharmap(charmap.Windows1250)
	case Windows1252, "cp1252":
		t.useCharmap(charmap.Windows1252)
	default:
		e, err := htmlindex.Get(enc) // any encoding a web browser knows, by any of its names
		if err != nil {
			return readErr(name, 0, "", i18n.M("unknown encoding %q; use %s, %s, %s, %s, %s, "+
				"or another encoding's standard name such as shift_jis, gbk, iso-8859-2 or windows-1251", enc, UTF8, UTF16LE, UTF16BE, Windows1250, Windows1252))
		}
		canonical, _ := htmlindex.Name(e)
		t.use(canonical, transform.NewReader(t.br, e.NewDecoder()))
	}
	return nil
}

func (t *textReader) use(enc string, r io.Reader) { t.enc, t.dec = enc, r }

func (t *textReader) use16(le bool, bom xunicode.BOMPolicy) {
	e, name := xunicode.UTF16(xunicode.BigEndian, bom), UTF16BE
	if le {
		e, name = xunicode.UTF16(xunicode.LittleEndian, bom), UTF16LE
	}
	t.use(name, transform.NewReader(t.br, e.NewDecoder()))
}

func (t *textReader) useCharmap(c *charmap.Charmap) {
	name := Windows1252
	if c == charmap.Windows1250 {
		name = Windows1250
	}
	var e encoding.Encoding = c
	t.use(name, transform.NewReader(t.br, e.NewDecoder()))
}

// Encoding names the encoding chosen so far ("ascii" while all text read was ASCII).
func (t *textReader) Encoding() string {
	if t.enc == "" {
		return "ascii"
	}
	return t.enc
}

func (t *textReader) Read(p []byte) (int, error) {
	if t.dec != nil {
		return t.dec.Read(p)
	}
	if t.br.Buffered() == 0 {
		if _, err := t.br.Peek(1); err != nil {
			return 0, err
		}
	}
	buf, _ := t.br.Peek(t.br.Buffered())
	n := asciiPrefix(buf[:min(len(buf), len(p))])
	if n == 0 && len(p) > 0 {
		t.decide()
		return t.dec.Read(p)
	}
	copy(p, buf[:n])
	_, _ = t.br.Discard(n)
	return n, nil
}

// allASCII reports whether every byte read so far was ASCII: the encoding is decided
// at the first that is not (or given, or told by a byte order mark).
func (t *textReader) allASCII() bool { return t.dec == nil }

// decide picks the encoding of the rest of the file, which starts with a non-ASCII byte.
func (t *textReader) decide() {
	sample, err := t.br.Peek(sniffSize)
	if err == nil { // the window may end inside a character
		sample = sample[:lastRuneStart(sample)]
	}
	switch {
	case utf8.Valid(sample):
		t.use(UTF8, t.br)
	case mostlyUTF8(sample): // a line or two pasted from another file: repaired cell by cell
		t.use(UTF8, t.br)
		t.cp = guessCodePage(notUTF8(sample))
	default:
		t.guessCodePage(sample)
	}
}

// lastRuneStart returns the length of b without an incomplete UTF-8 sequence at its end.
func lastRuneStart(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return len(b)
			}
			return i
		}
	}
	return len(b)
}

// utf16NoBOM recognises UTF-16 text without a byte-order mark: in ASCII-heavy text every
// other byte is zero. It reports whether the sample looks so, and if little-endian.
func utf16NoBOM(sample []byte) (le, ok bool) {
	n := len(sample) &^ 1
	if n < 4 {
		return false, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if sample[i] == 0 {
			zeroEven++
		}
		if sample[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := n / 2
	switch {
	case zeroEven == 0 && zeroOdd*10 >= pairs*8: // allow some non-Latin characters
		return true, true
	case zeroOdd == 0 && zeroEven*10 >= pairs*8:
		return false, true
	}
	return false, false
}

// guessCodePage decodes the rest of the file in the Windows code page that fits the
// sample best, and keeps what made that a guess: too few telling letters to be sure
// (then the other code page is kept, to say on each cell what it would read instead),
// or letters that fit no language (another encoding entirely, such as Shift-JIS).
func (t *textReader) guessCodePage(sample []byte) {
	cm, other, score := charmap.Windows1252, Windows1250, codePageScore(sample)
	if score > 0 {
		cm, other = charmap.Windows1250, Windows1252
	}
	t.useCharmap(cm)
	t.info = Decoding{Encoding: t.enc, Guessed: true}
	if score < weakEvidence && score > -weakEvidence {
		t.info.Other = other
	}
	if garbled(sample, cm) {
		t.info.Garbled, t.info.Other = true, ""
		t.info.Suggest = otherEncodings(sample)
	}
}

// weakEvidence is the score below which a code page guess rests on a letter or two: one
// ř against one ø decides "Bjřrn" over "Bjørn".
const weakEvidence = 6

// guessCodePage decides between Windows-1250 and -1252 by which one turns the bytes
// they decode differently into the more plausible letters: Czech č ř ě ů ť ď ň, Polish
// ł ą ż on one side; French à è, Spanish ñ, Nordic å ø on the other. Bytes both decode
// alike (ä ö ü ß é á í ó ú ý š ž) carry no evidence. A tie goes to 1252.
func guessCodePage(sample []byte) *charmap.Charmap {
	if codePageScore(sample) > 0 {
		return charmap.Windows1250
	}
	return charmap.Windows1252
}

// codePageScore is the evidence for 1250 (above 0) or 1252 (below) in the sample.
func codePageScore(sample []byte) int {
	score := 0
	for i, c := range sample {
		if c < 0x80 {
			continue
		}
		r50, r52 := charmap.Windows1250.DecodeByte(c), charmap.Windows1252.DecodeByte(c)
		if r50 == r52 {
			continue
		}
		score += plausible(r50) - plausible(r52)
		if (c == 0xE8 || c == 0xC8) && standalone(sample, i) {
			score -= 3 // Italian "è" is a word of its own; Czech "č" never is
		}
	}
	return score
}

func standalone(b []byte, i int) bool {
	letter := func(j int) bool {
		return j >= 0 && j < len(b) && (b[j] >= 0x80 || unicode.IsLetter(rune(b[j])))
	}
	return !letter(i-1) && !letter(i+1)
}

// letterWeight rates letters by how common they are in the languages of each code page.
var letterWeight = map[rune]int{}

func init() {
	for w, letters := range map[int]string{
		3: "čřěůňďťČŘĚŮŇĎŤłążśľ" + "àñåÅ", // frequent where each code page is used
		2: "ęćńźőűăşţđĄĘĆŃŚŹŻŁĽĂŞŢĐŐŰ" + "èìòùøæœãõêûïðþÿÈÌÒÙÑØÆŒÃÕÊÛÏÐÞŸÀ",
		1: "ĺŕ" + "£¥¿¡«»°±§©®ªºµ",
		0: "ĹŔ", // next to no word starts with them
	} {
		for _, r := range letters {
			letterWeight[r] = w
		}
	}
}

func plausible(r rune) int {
	if w, ok := letterWeight[r]; ok {
		return w
	}
	switch {
	case unicode.IsLetter(r):
		return 1
	case unicode.IsControl(r), r == utf8.RuneError:
		return -5
	}
	return 0
}

// asciiPrefix is the length of b's leading run of ASCII bytes, found eight bytes at a
// time: every byte of a file passes here, and a byte at a time cost a tenth of a pack.
func asciiPrefix(b []byte) int {
	n := 0
	for ; n+8 <= len(b); n += 8 {
		if binary.LittleEndian.Uint64(b[n:])&0x8080808080808080 != 0 {
			break
		}
	}
	for n < len(b) && b[n] < utf8.RuneSelf {
		n++
	}
	return n
}
