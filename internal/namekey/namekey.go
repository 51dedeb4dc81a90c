// Package namekey is the one rule by which two names are the same name to a Webex
// organization: the sandbox refuses a second object whose name is "similar" to one it
// holds ("Similar entity is already present"), and the sheets' duplicate check flags two
// records with such names before anything is sent. Both call Key, so they cannot differ.
package namekey

import (
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// folder is Unicode full case folding; a cases.Caser holds state, so one is made per
// call of the slow path (cases.Fold is cheap to make).
func folder() cases.Caser { return cases.Fold() }

// Key is the form in which names compare: spaces at the ends trimmed, Unicode normalized
// (NFC: "Zoë" typed as one code point or as e + combining diaeresis is one name) and
// case folded ("Case Team" and "CASE TEAM" are one name). Plain ASCII without capitals,
// most names in a large sheet, is returned as it is, without allocating.
func Key(s string) string {
	s = strings.TrimSpace(s)
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return folder().String(norm.NFC.String(s))
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if upper {
		return strings.ToLower(s)
	}
	return s
}

// Same reports whether a and b are one name to the organization.
func Same(a, b string) bool { return Key(a) == Key(b) }
