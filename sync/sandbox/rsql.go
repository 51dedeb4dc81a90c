package sandbox

import (
	"fmt"
	"slices"
	"strings"
)

// A minimal RSQL filter, as the v2 list endpoints take it (api.md §3.1):
//   name=="Sales"   name!=x   id=in=("a","b")   id=out=(a,b)   name=="Sal*"
// joined by ; (and) and , (or), with parentheses. Values with spaces are quoted.

type filter interface {
	match(obj map[string]any) bool
}

type allOf []filter
type anyOf []filter

type comparison struct {
	selector string
	op       string // ==, !=, =in=, =out=
	args     []string
}

func (a allOf) match(o map[string]any) bool {
	for _, f := range a {
		if !f.match(o) {
			return false
		}
	}
	return true
}

func (a anyOf) match(o map[string]any) bool {
	for _, f := range a {
		if f.match(o) {
			return true
		}
	}
	return false
}

func (c comparison) match(o map[string]any) bool {
	var got []string
	for _, v := range values(o, c.selector) {
		if list, ok := v.([]any); ok {
			for _, e := range list {
				got = append(got, text(e))
			}
			continue
		}
		got = append(got, text(v))
	}
	hit := slices.ContainsFunc(got, func(g string) bool {
		return slices.ContainsFunc(c.args, func(a string) bool { return glob(a, g) })
	})
	if c.op == "!=" || c.op == "=out=" {
		return !hit
	}
	return hit
}

// glob matches s against pattern, where * stands for any run of characters.
func glob(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return strings.HasSuffix(s, parts[len(parts)-1])
}

// parseFilter parses an RSQL expression; "" matches everything.
func parseFilter(s string) (filter, error) {
	if strings.TrimSpace(s) == "" {
		return allOf{}, nil
	}
	p := &rsqlParser{src: s}
	f, err := p.or()
	if err == nil && p.skipSpace() < len(p.src) {
		err = p.errorf("unexpected %q", p.src[p.pos:])
	}
	if err != nil {
		return nil, err
	}
	return f, nil
}

type rsqlParser struct {
	src string
	pos int
}

func (p *rsqlParser) errorf(format string, args ...any) error {
	return fmt.Errorf("filter %q at position %d: %s", p.src, p.pos+1, fmt.Sprintf(format, args...))
}

func (p *rsqlParser) skipSpace() int {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
	return p.pos
}

func (p *rsqlParser) peek(c byte) bool {
	return p.skipSpace() < len(p.src) && p.src[p.pos] == c
}

func (p *rsqlParser) or() (filter, error) {
	var alts anyOf
	for {
		f, err := p.and()
		if err != nil {
			return nil, err
		}
		alts = append(alts, f)
		if !p.peek(',') {
			break
		}
		p.pos++
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return alts, nil
}

func (p *rsqlParser) and() (filter, error) {
	var all allOf
	for {
		f, err := p.term()
		if err != nil {
			return nil, err
		}
		all = append(all, f)
		if !p.peek(';') {
			break
		}
		p.pos++
	}
	if len(all) == 1 {
		return all[0], nil
	}
	return all, nil
}

func (p *rsqlParser) term() (filter, error) {
	if p.peek('(') {
		p.pos++
		f, err := p.or()
		if err != nil {
			return nil, err
		}
		if !p.peek(')') {
			return nil, p.errorf("missing )")
		}
		p.pos++
		return f, nil
	}
	return p.comparison()
}

func (p *rsqlParser) comparison() (filter, error) {
	start := p.skipSpace()
	for p.pos < len(p.src) && (isWordByte(p.src[p.pos]) || p.src[p.pos] == '.') {
		p.pos++
	}
	c := comparison{selector: p.src[start:p.pos]}
	if c.selector == "" {
		return nil, p.errorf("expected a field name")
	}
	for _, op := range []string{"==", "!=", "=in=", "=out="} {
		if strings.HasPrefix(p.src[p.pos:], op) {
			c.op = op
			p.pos += len(op)
			break
		}
	}
	if c.op == "" {
		return nil, p.errorf("expected ==, !=, =in= or =out= after %s", c.selector)
	}
	var err error
	if c.op == "=in=" || c.op == "=out=" {
		c.args, err = p.list()
	} else {
		var v string
		v, err = p.value()
		c.args = []string{v}
	}
	return c, err
}

func (p *rsqlParser) list() ([]string, error) {
	if !p.peek('(') {
		return nil, p.errorf("expected ( after the operator")
	}
	p.pos++
	var out []string
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		if p.peek(')') {
			p.pos++
			return out, nil
		}
		if !p.peek(',') {
			return nil, p.errorf("expected , or )")
		}
		p.pos++
	}
}

func (p *rsqlParser) value() (string, error) {
	p.skipSpace()
	if p.pos < len(p.src) && (p.src[p.pos] == '"' || p.src[p.pos] == '\'') {
		return p.quoted()
	}
	start := p.pos
	for p.pos < len(p.src) && !strings.ContainsRune(" ();,\"'", rune(p.src[p.pos])) {
		p.pos++
	}
	if start == p.pos {
		return "", p.errorf("expected a value")
	}
	return p.src[start:p.pos], nil
}

func (p *rsqlParser) quoted() (string, error) {
	q := p.src[p.pos]
	p.pos++
	var b strings.Builder
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		p.pos++
		switch {
		case c == '\\' && p.pos < len(p.src):
			b.WriteByte(p.src[p.pos])
			p.pos++
		case c == q:
			return b.String(), nil
		default:
			b.WriteByte(c)
		}
	}
	return "", p.errorf("unterminated quote")
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
