package sheets

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/bulkops/bulkops/internal/i18n"
)

// Decoding is how reading a text file turned its bytes into text, kept on the sheet
// (Sheet.Decoded) where that was a guess or a choice, so that the cells the guess touched
// carry a finding that names the encoding assumed — until they are edited, because the
// findings are a function of the text the cells hold.
type Decoding struct {
	Encoding string // the encoding the file was read in (UTF8, Windows1250, shift_jis…)
	Guessed  bool   // detected, not given (ReadOptions.Encoding)
	// Other is the code page the guess was made against when the evidence was a letter
	// or two: a cell that would read otherwise in it gets a warning saying how.
	Other string
	// Garbled: the text read fits no language in that encoding (a Shift-JIS file read as
	// Windows-1252): every cell with non-ASCII text is an error. Suggest lists encodings
	// the bytes are valid in.
	Garbled bool
	Suggest []string
	// Repaired holds text that was not UTF-8 in a UTF-8 file (a line pasted from another
	// file), as decoded, with the code page it was decoded in.
	Repaired map[string]string
}

// maxRepaired bounds Decoding.Repaired: past it, the file is not UTF-8 with a few
// foreign lines but something else, and the first ones flagged say so.
const maxRepaired = 10000

// decoding returns what a sheet should keep of its reader's decoding so far: nil for
// plain UTF-8 or ASCII. It is the reader's own record, which reading on may extend (a
// stream's checker asks again for each row); a sheet read whole gets it at the end.
func (t *textReader) decoding() *Decoding {
	if !t.forced && !t.info.Guessed && t.info.Repaired == nil {
		return nil
	}
	if t.info.Encoding == "" {
		t.info.Encoding = t.enc
	}
	return &t.info
}

// mostlyUTF8 reports whether a sample that is not valid UTF-8 holds at least as many
// valid multi-byte UTF-8 sequences as stray bytes: UTF-8 text with a line in a code page.
// A code page's text almost never forms a valid sequence ("Ã©" is itself mojibake).
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n == 1:
			invalid++
		case n > 1:
			valid++
		}
		b = b[n:]
	}
	return valid > 0 && valid >= invalid
}

// notUTF8 returns the sample with its valid multi-byte sequences made ASCII letters, so
// that the code page is guessed from the other bytes alone.
func notUTF8(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n == 1:
			out = append(out, b[0])
		case n > 1:
			out = append(out, 'a')
		default:
			out = append(out, b[0])
		}
		b = b[n:]
	}
	return out
}

// repairUTF8 decodes the bytes of s that are not UTF-8 in the code page cm.
func repairUTF8(s string, cm *charmap.Charmap) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			r = cm.DecodeByte(s[i])
		}
		b.WriteRune(r)
		i += n
	}
	return b.String()
}

// fixCells repairs the cells of row n that are not valid UTF-8 (a file detected as UTF-8
// whose later lines, or pasted lines, are in a code page) and notes each on the sheet.
// A file the user said is UTF-8 is refused instead: decoding it otherwise would go
// against what was asked.
func (t *textReader) fixCells(name string, row int, cells, header []string) error {
	for i, c := range cells {
		if utf8.ValidString(c) {
			continue
		}
		if t.forced {
			return readErr(name, row, headerAt(header, i), i18n.M(
				"the text is not valid %s, the encoding chosen (the file mixes encodings?); save it again as CSV UTF-8, or choose another encoding", t.enc))
		}
		cm := t.cp
		if cm == nil {
			cm = guessCodePage([]byte(c))
		}
		cells[i] = repairUTF8(c, cm)
		if t.info.Repaired == nil {
			t.info.Encoding, t.info.Repaired = t.enc, map[string]string{}
		}
		if len(t.info.Repaired) < maxRepaired {
			t.info.Repaired[cells[i]] = codePageName(cm)
		}
	}
	return nil
}

func headerAt(header []string, i int) string {
	if i < len(header) {
		return header[i]
	}
	return ""
}

func codePageName(cm *charmap.Charmap) string {
	if cm == charmap.Windows1250 {
		return Windows1250
	}
	return Windows1252
}

var codePages = map[string]*charmap.Charmap{Windows1250: charmap.Windows1250, Windows1252: charmap.Windows1252}

// garbled reports whether the sample, read in code page cm, fits no language: bytes the
// code page does not define, or the text of a double-byte encoding (Japanese, Chinese,
// Korean). Such text is valid in one of those, and read in a code page it comes out as
// mostly symbols (‚ƒ„…†‡“”•–—) or as runs of three and more accented letters and
// symbols, which the languages of the code pages write next to never.
func garbled(sample []byte, cm *charmap.Charmap) bool {
	high, improbable, undefined := improbableText(sample, cm)
	return undefined || high >= 4 && improbable && len(otherEncodings(sample)) > 0
}

// improbableText reports whether the bytes above ASCII of sample, read in cm, are
// mostly symbols or runs of accented letters (or a byte cm does not define), and how
// many there are; undefined when cm lacks one of them.
func improbableText(sample []byte, cm *charmap.Charmap) (high int, improbable, undefined bool) {
	var symbols, inRuns, run int
	for _, c := range sample {
		if c < 0x80 {
			run = 0
			continue
		}
		high++
		if run++; run == 3 {
			inRuns += 3
		} else if run > 3 {
			inRuns++
		}
		r := cm.DecodeByte(c)
		if r == utf8.RuneError {
			return high, true, true
		}
		if !unicode.IsLetter(r) {
			symbols++
		}
	}
	return high, high > 0 && (symbols*2 >= high || inRuns*2 >= high), false
}

// doubleByte are the encodings offered when a file reads as garbage in a code page.
var doubleByte = []struct {
	name string
	enc  encoding.Encoding
}{
	{"shift_jis", japanese.ShiftJIS},
	{"euc-jp", japanese.EUCJP},
	{"gbk", simplifiedchinese.GBK},
	{"big5", traditionalchinese.Big5},
	{"euc-kr", korean.EUCKR},
}

// otherEncodings lists the double-byte encodings in which the sample decodes without a
// fault and holds at least two double-byte characters.
func otherEncodings(sample []byte) []string {
	sample = sample[:min(len(sample), 4096)]
	var out []string
	for _, e := range doubleByte {
		text, err := e.enc.NewDecoder().Bytes(sample)
		if err != nil || strings.ContainsRune(string(text[:lastRuneStart(text)]), utf8.RuneError) {
			continue
		}
		wide := 0
		for _, r := range string(text) {
			if r > 0x2E80 { // CJK scripts and symbols
				wide++
			}
		}
		if wide >= 2 {
			out = append(out, e.name)
		}
	}
	return out
}

// cellNote is what the decoding says of a cell holding v, if anything.
func (d *Decoding) cellNote(header, v string) (Severity, i18n.Msg, bool) {
	if enc, ok := d.Repaired[v]; ok {
		return Warning, i18n.M("%s %s was not UTF-8 like the rest of the file: it was read as %s, a guess; check it (the file mixes encodings: save it again as CSV UTF-8)",
			header, quoteShort(v), enc), true
	}
	if !d.Guessed || !hasNonASCII(v) {
		return 0, i18n.Msg{}, false
	}
	if sev, msg, ok := d.lineNote(header, v); ok {
		return sev, msg, true
	}
	if d.Garbled && !d.readsAsLetters(v) {
		if len(d.Suggest) > 0 {
			return Error, i18n.M("%s %s does not read as text: the file was read as %s, a guess, and its letters fit no language; "+
				"it may be in %s. Open it again choosing its encoding", header, quoteShort(v), d.Encoding, orWords(d.Suggest)), true
		}
		return Error, i18n.M("%s %s does not read as text: the file was read as %s, a guess, and its letters fit no language. "+
			"Open it again choosing its encoding", header, quoteShort(v), d.Encoding), true
	}
	if alt, ok := recode(v, d.Encoding, d.Other); ok && alt != v {
		return Warning, i18n.M("%s %s was read as %s, a guess from too few letters; in %s it reads %s. If that is right, open the file again choosing %s",
			header, quoteShort(v), d.Encoding, d.Other, quoteShort(alt), d.Other), true
	}
	return 0, i18n.Msg{}, false
}

// lineNote judges a cell of a file read in a guessed code page by its own bytes, for a
// file that mixes encodings line by line: a cell whose bytes are UTF-8 says so and how it
// reads then; a cell whose bytes fit no language in the code page (a Shift-JIS line) is
// an error even when the rest of the file reads well. A cell that reads as letters is
// left to the file's verdict.
func (d *Decoding) lineNote(header, v string) (Severity, i18n.Msg, bool) {
	cm := codePages[d.Encoding]
	if cm == nil {
		return 0, i18n.Msg{}, false
	}
	raw, err := cm.NewEncoder().String(v)
	switch {
	case (err != nil || strings.ContainsRune(v, utf8.RuneError)) && len(d.Suggest) > 0: // a byte the code page does not define
		return Error, i18n.M("%s %s does not read as text: the file was read as %s, a guess, and this line holds bytes that code page does not have; "+
			"it may be in %s (the file mixes encodings?); save it again as CSV UTF-8", header, quoteShort(v), d.Encoding, orWords(d.Suggest)), true
	case err != nil || strings.ContainsRune(v, utf8.RuneError):
		return Error, i18n.M("%s %s does not read as text: the file was read as %s, a guess, and this line holds bytes that code page does not have "+
			"(the file mixes encodings?); save it again as CSV UTF-8", header, quoteShort(v), d.Encoding), true
	case utf8.ValidString(raw) && !isASCII(raw):
		return Warning, i18n.M("%s %s was read as %s, a guess, but its bytes are UTF-8, where it reads %s: the file mixes encodings; "+
			"save it again as CSV UTF-8", header, quoteShort(v), d.Encoding, quoteShort(raw)), true
	case !d.Garbled && garbled([]byte(raw), cm) && len(otherEncodings([]byte(raw))) > 0:
		return Error, i18n.M("%s %s does not read as text: the file was read as %s, a guess, and this line fits no language in it; "+
			"it may be in %s (the file mixes encodings?); save it again as CSV UTF-8", header, quoteShort(v), d.Encoding,
			orWords(otherEncodings([]byte(raw)))), true
	}
	return 0, i18n.Msg{}, false
}

// readsAsLetters reports whether a cell of a file that reads as garbage overall reads as
// words on its own (a windows-1252 line among Shift-JIS ones): the file's verdict is
// not its. A cell of one or two odd bytes is not evidence enough to spare it.
func (d *Decoding) readsAsLetters(v string) bool {
	cm := codePages[d.Encoding]
	if cm == nil {
		return false
	}
	raw, err := cm.NewEncoder().String(v)
	if err != nil {
		return false
	}
	high, improbable, _ := improbableText([]byte(raw), cm)
	return high >= 2 && !improbable
}

// orWords is "a", "a or b", "a or b or c": names (of encodings) as they are.
func orWords(ws []string) i18n.Msg {
	m := i18n.Raw(ws[0])
	for _, w := range ws[1:] {
		m = i18n.M("%s or %s", m, w)
	}
	return m
}

// recode returns v as it reads in code page to when its bytes are v's in code page from.
func recode(v, from, to string) (string, bool) {
	f, t := codePages[from], codePages[to]
	if f == nil || t == nil {
		return "", false
	}
	raw, err := f.NewEncoder().String(v)
	if err != nil {
		return "", false
	}
	alt, err := t.NewDecoder().String(raw)
	return alt, err == nil
}

func hasNonASCII(s string) bool { return !isASCII(s) }

// mergeDecodings gives a sheet merged of several (the entries of a zip) one decoding:
// the first entry's guess, and the repairs of all.
func mergeDecodings(ss []*Sheet) *Decoding {
	var m *Decoding
	for _, s := range ss {
		d := s.Decoded
		if d == nil {
			continue
		}
		if m == nil {
			c := *d
			c.Repaired = nil
			m = &c
		}
		for k, v := range d.Repaired {
			if m.Repaired == nil {
				m.Repaired = map[string]string{}
			}
			m.Repaired[k] = v
		}
	}
	return m
}
