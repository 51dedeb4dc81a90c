package sheets

import (
	"regexp"
	"regexp/syntax"
	"sync"
)

// textMatcher is a compiled catalog pattern.
type textMatcher interface{ MatchString(string) bool }

var checkRegexps sync.Map // pattern → textMatcher (nil when it does not compile)

// checkRegexp compiles a catalog pattern once. A pattern Go cannot compile is skipped
// rather than failing every cell; the catalog tests catch it (TestCatalogPatternsCompile).
// Most patterns are one ASCII character class repeated (^[a-zA-Z0-9._\-\s]*$): those are
// matched by a table, several times faster than the regexp engine on every cell of a
// large file.
func checkRegexp(p string) textMatcher {
	if p == "" {
		return nil
	}
	if v, ok := checkRegexps.Load(p); ok {
		m, _ := v.(textMatcher)
		return m
	}
	var m textMatcher
	if re, err := regexp.Compile(p); err == nil {
		m = re
		if c := asciiClassOf(p); c != nil {
			m = c
		}
	}
	checkRegexps.Store(p, m)
	return m
}

// asciiClass matches a string made only of the bytes of an ASCII character class.
type asciiClass struct {
	in       [128]bool
	nonEmpty bool // the class is repeated with +, not *
}

func (c *asciiClass) MatchString(s string) bool {
	if c.nonEmpty && s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if b := s[i]; b >= 0x80 || !c.in[b] {
			return false
		}
	}
	return true
}

// asciiClassOf returns the table matcher of a pattern ^[class]*$ or ^[class]+$ whose
// class holds only ASCII characters, or nil for any other pattern.
func asciiClassOf(p string) *asciiClass {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	if re.Op != syntax.OpConcat || len(re.Sub) != 3 || re.Sub[0].Op != syntax.OpBeginText || re.Sub[2].Op != syntax.OpEndText {
		return nil
	}
	rep := re.Sub[1]
	if (rep.Op != syntax.OpStar && rep.Op != syntax.OpPlus) || rep.Sub[0].Op != syntax.OpCharClass {
		return nil
	}
	c := &asciiClass{nonEmpty: rep.Op == syntax.OpPlus}
	ranges := rep.Sub[0].Rune
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i+1] >= 0x80 {
			return nil
		}
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			c.in[r] = true
		}
	}
	return c
}
