package sheets

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// randomTexts are cell texts made of the bytes the scans and patterns care about, of
// every length around the eight-byte words, ASCII and not.
func randomTexts(n int) []string {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "Z", "0", " ", ".", "_", "-", ",", ";", "\"", "\t", "\r", "\n", "\x00", "\x1b", "\x7f", "\x1f", " ", "é", "ř", "東", "(", ")", "@", "&", "/", "+", "\x80"}
	out := []string{""}
	for i := 0; i < n; i++ {
		var b strings.Builder
		for k := rng.IntN(24); k > 0; k-- {
			if rng.IntN(3) == 0 {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			} else {
				b.WriteByte("abcXYZ019 ._-"[rng.IntN(13)])
			}
		}
		out = append(out, b.String())
	}
	return out
}

// TestTextScans: the word-at-a-time scans say what a byte-by-byte loop says.
func TestTextScans(t *testing.T) {
	for _, s := range randomTexts(20000) {
		want := -1
		for i := 0; i < len(s); i++ {
			if isControl(rune(s[i])) {
				want = i
				break
			}
		}
		if got := firstControl(s); got != want {
			t.Fatalf("firstControl(%q) = %d, want %d", s, got, want)
		}
		if got, want := hasCSVSpecial(s), strings.ContainsAny(s, ",\";\t\r\n"); got != want {
			t.Fatalf("hasCSVSpecial(%q) = %v", s, got)
		}
		ascii := true
		for i := 0; i < len(s); i++ {
			ascii = ascii && s[i] < 0x80
		}
		if isASCII(s) != ascii {
			t.Fatalf("isASCII(%q) = %v", s, !ascii)
		}
		printable := true
		for i := 0; i < len(s); i++ {
			printable = printable && s[i] >= 0x20 && s[i] < 0x7F
		}
		if printableASCII(s) != printable {
			t.Fatalf("printableASCII(%q) = %v", s, !printable)
		}
	}
}

// TestPatternTables: every catalog pattern matches what Go's regexp matches, whether a
// table or the regexp engine does the matching; the common one-class patterns are tables.
func TestPatternTables(t *testing.T) {
	texts := randomTexts(5000)
	tables := 0
	for _, o := range catalog.All() {
		for _, c := range o.Columns {
			for _, p := range []string{c.Pattern, c.WarnPattern} {
				if p == "" {
					continue
				}
				re := regexp.MustCompile(p)
				m := checkRegexp(p)
				if _, ok := m.(*asciiClass); ok {
					tables++
				}
				for _, s := range texts {
					if m.MatchString(s) != re.MatchString(s) {
						t.Fatalf("%s.%s: pattern %q on %q: %v, regexp says %v", o.Key, c.Header, p, s, m.MatchString(s), re.MatchString(s))
					}
				}
			}
		}
	}
	if tables == 0 {
		t.Error("no catalog pattern is matched by a table")
	}
}
