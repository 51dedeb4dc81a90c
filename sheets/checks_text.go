package sheets

import (
	"github.com/bulkops/bulkops/internal/i18n"

	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// checkText checks what no text cell may hold, whatever its column (known or not):
// control characters, characters lost in decoding, text decoded by a guess (dec, the
// sheet's Decoding, may be nil), and a value a spreadsheet would run as a formula.
func checkText(o *rowOut, col int, c *checkCol, v string, dec *Decoding) {
	if dec != nil || !printableASCII(v) { // most cells are neither: one look instead of three
		checkCharacters(o, col, c, v, dec)
	}
	if formulaStart(v) && !legitimateSign(c, v) {
		o.add(col, c.header, Warning, i18n.M("%s %s starts with %s, so Excel would run it as a formula in a CSV file; "+
			"Bulkops protects it in the CSV files it writes for people and sends it as typed: check it is meant", c.header, quoteShort(v), startName(v[0])))
	}
}

// checkCharacters is checkText's look at the characters themselves: control characters,
// line breaks in a name, and what decoding lost or guessed.
func checkCharacters(o *rowOut, col int, c *checkCol, v string, dec *Decoding) {
	if i := controlAt(v); i >= 0 {
		o.add(col, c.header, Error, i18n.M("%s holds the control character %s at character %d; it is invisible, "+
			"and programs cut the text at it or refuse it: delete it", c.header, controlName(v[i]), utf8.RuneCountInString(v[:i])+1))
	}
	if c.key {
		checkKeyBreaks(o, col, c, v)
	}
	if dec != nil {
		if sev, msg, ok := dec.cellNote(c.header, v); ok {
			o.add(col, c.header, sev, msg)
		} else if hasReplacement(v) {
			o.add(col, c.header, Error, i18n.M("%s %s holds �, a character that could not be read in %s, the encoding %s; "+
				"open the file again choosing its encoding", c.header, quoteShort(v), dec.Encoding, assumedOrChosen(dec)))
		}
	} else if hasReplacement(v) {
		o.add(col, c.header, Error, i18n.M("%s %s holds �, a character lost before the text reached Bulkops; type it again", c.header, quoteShort(v)))
	}
}

// checkKeyBreaks refuses a line break or tab in a key (a name): other cells may hold them,
// but the organization would create an object named over two lines, which no list shows
// whole and no one can type to refer to it.
func checkKeyBreaks(o *rowOut, col int, c *checkCol, v string) {
	i := strings.IndexAny(v, "\n\r\t")
	if i < 0 {
		return
	}
	what := i18n.M("a line break")
	if v[i] == '\t' {
		what = i18n.M("a tab")
	}
	o.add(col, c.header, Error, i18n.M("%s %s holds %s at character %d; a name is one line of text: join the lines",
		c.header, quoteShort(v), what, utf8.RuneCountInString(v[:i])+1))
}

func assumedOrChosen(d *Decoding) i18n.Msg {
	if d.Guessed {
		return i18n.M("assumed")
	}
	return i18n.M("chosen")
}

// legitimateSign: a phone number's + and a number's sign, in columns of those types, are
// what the value is, not a formula.
func legitimateSign(c *checkCol, v string) bool {
	if c.spec == nil {
		return false
	}
	switch c.spec.Type {
	case catalog.Phone:
		return isPhone(v)
	case catalog.Integer, catalog.Decimal:
		return isDecimal(v)
	}
	return false
}

// isControl: C0 control characters other than tab, line feed and carriage return (which
// a cell may hold), and DEL.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7F
}

// controlAt returns the byte index of the first control character in s, or -1.
func controlAt(s string) int { return firstControl(s) }

// controlPicture is the visible Unicode symbol of a control character: ␀ ␛ ␡.
func controlPicture(r rune) rune {
	if r == 0x7F {
		return '\u2421'
	}
	return 0x2400 + r
}

var controlNames = [...]string{"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
	"DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"}

func controlName(b byte) string {
	if b == 0x7F {
		return "DEL (U+007F)"
	}
	return fmt.Sprintf("%s (U+%04X)", controlNames[b], b)
}

func startName(b byte) i18n.Msg {
	switch b {
	case '\t':
		return i18n.M("a tab")
	case '\r':
		return i18n.M("a carriage return")
	}
	return i18n.Raw(string(b))
}

func hasReplacement(s string) bool {
	return hasNonASCII(s) && containsReplacement(s)
}

func containsReplacement(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError {
			return true
		}
	}
	return false
}

// quoteShort quotes a value for a message, cut to 40 characters: a finding names the
// value, it need not repeat a long one.
func quoteShort(v string) string {
	const max = 40
	if utf8.RuneCountInString(v) <= max {
		return strconv.Quote(v)
	}
	n := 0
	for i := range v {
		if n == max {
			return strconv.Quote(v[:i]) + "…"
		}
		n++
	}
	return strconv.Quote(v)
}
