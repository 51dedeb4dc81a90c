package sheets

import "encoding/binary"

// Fast scans of cell text for the bytes the checker and the CSV writer look for: every
// cell of a file passes through them, several times when it is packed, so they look at
// eight bytes at a time and at single bytes only where a word holds a candidate. All the
// bytes they look for are ASCII, which in UTF-8 never occurs inside another character.

const (
	lows  = 0x0101010101010101
	highs = 0x8080808080808080
)

// wordBelow reports whether a byte of w is below n (n ≤ 0x80).
func wordBelow(w, n uint64) bool { return (w-lows*n)&^w&highs != 0 }

// wordHas reports whether a byte of w is b.
func wordHas(w uint64, b byte) bool { return wordBelow(w^(lows*uint64(b)), 1) }

// firstControl returns the byte index of the first control character (see isControl) in
// s, or -1. Tab, CR and LF are below 0x20 too, so a word holding one is looked at byte by
// byte.
func firstControl(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		if wordBelow(w, 0x20) || wordHas(w, 0x7F) {
			break
		}
	}
	for ; i < len(s); i++ {
		if isControl(rune(s[i])) {
			return i
		}
	}
	return -1
}

// printableASCII reports whether s is all printable ASCII (space to tilde): no control
// character, tab or line break, nothing past ASCII.
func printableASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		if w&highs != 0 || wordBelow(w, 0x20) || wordHas(w, 0x7F) {
			return false
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7F {
			return false
		}
	}
	return true
}

// hasCSVSpecial reports whether s holds a byte that makes a CSV field need quotes or
// count as a separator: , " ; tab CR LF.
func hasCSVSpecial(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		if wordBelow(w, 0x20) || wordHas(w, ',') || wordHas(w, '"') || wordHas(w, ';') {
			break
		}
	}
	for ; i < len(s); i++ {
		switch s[i] {
		case ',', '"', ';', '\t', '\r', '\n':
			return true
		}
	}
	return false
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if binary.LittleEndian.Uint64([]byte(s[i:i+8]))&highs != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
