package sheets

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// A workbook's worksheet and shared-strings parts are most of its bytes, and
// encoding/xml spends about 30 µs and 300 bytes of garbage per cell on them (reading a
// 100,000-row sheet took 3.9 s and 1.3 GB through excelize's row iterator). Their XML
// is plain: elements, attributes, text, no DTD. xmlTokens reads just that, a tag at a
// time from a buffered stream, without building the document.

// xmlTok is what xmlTokens.next found.
type xmlTok int

const (
	tokEOF   xmlTok = iota
	tokStart        // <name attrs> or <name attrs/> (selfClosing)
	tokEnd          // </name>
	tokText         // character data (entities decoded, line ends normalized)
)

// xmlTokens is a streaming tokenizer of the subset of XML a workbook's parts use.
type xmlTokens struct {
	br          *bufio.Reader
	name        []byte // the element's local name (prefix dropped), for tokStart/tokEnd
	qname       []byte // tokStart: the name as written (prefix:local)
	attrs       []byte // the raw attributes of tokStart
	selfClosing bool
	text        []byte // tokText: the decoded text
	pendingTag  bool   // a '<' was read: the next token is a tag
	buf         []byte
}

func newXMLTokens(r io.Reader) *xmlTokens {
	return &xmlTokens{br: bufio.NewReaderSize(&stickyReader{r: r}, 64<<10)}
}

// stickyReader keeps giving the first error its reader gave: a peek (fill) that
// meets a damaged part's error hands it on once, and the reads after must meet it too.
type stickyReader struct {
	r   io.Reader
	err error
}

func (s *stickyReader) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(p)
	s.err = err
	return n, err
}

// buffered is the bytes read ahead and not yet taken, left unread.
func (x *xmlTokens) buffered() []byte {
	b, _ := x.br.Peek(x.br.Buffered())
	return b
}

// fill reads ahead as far as the buffer goes (to the end of the stream at most) and is
// buffered then; an error of the stream waits for the reads that meet it.
func (x *xmlTokens) fill() []byte {
	b, _ := x.br.Peek(x.br.Size())
	return b
}

// rest is a reader of what is left of the stream: what the buffer holds, then the rest.
func (x *xmlTokens) rest() io.Reader { return x.br }

// discard takes n bytes that buffered or fill gave.
func (x *xmlTokens) discard(n int) { x.br.Discard(n) }

// next reads the next token; the slices it sets stay valid until the next call.
func (x *xmlTokens) next() (xmlTok, error) {
	if !x.pendingTag {
		raw, err := x.readUntil('<')
		if err == io.EOF {
			if len(bytes.TrimSpace(raw)) > 0 {
				return x.textTok(raw)
			}
			return tokEOF, nil
		}
		if err != nil {
			return tokEOF, err
		}
		x.pendingTag = true
		if len(raw) > 0 {
			return x.textTok(raw)
		}
	}
	x.pendingTag = false
	return x.tag()
}

// readUntil reads up to delim, which it consumes but does not return.
func (x *xmlTokens) readUntil(delim byte) ([]byte, error) {
	b, err := x.br.ReadSlice(delim)
	if err == nil {
		return b[:len(b)-1], nil
	}
	x.buf = append(x.buf[:0], b...)
	for err == bufio.ErrBufferFull {
		b, err = x.br.ReadSlice(delim)
		x.buf = append(x.buf, b...)
	}
	if err == nil {
		return x.buf[:len(x.buf)-1], nil
	}
	return x.buf, err
}

func (x *xmlTokens) textTok(raw []byte) (xmlTok, error) {
	t, err := xmlText(raw)
	x.text = t
	return tokText, err
}

// tag reads what follows a '<': an element's start or end, or a comment, processing
// instruction or CDATA section (returned as text).
func (x *xmlTokens) tag() (xmlTok, error) {
	first, err := x.br.Peek(1)
	if err != nil {
		return tokEOF, unexpectedEOF(err)
	}
	switch first[0] {
	case '!':
		return x.bang()
	case '?':
		if _, err := x.readThrough("?>"); err != nil {
			return tokEOF, err
		}
		return x.next()
	}
	raw, err := x.readTagBody()
	if err != nil {
		return tokEOF, err
	}
	if raw[0] == '/' {
		x.name = localName(trimXMLSpace(raw[1:]))
		return tokEnd, nil
	}
	x.selfClosing = raw[len(raw)-1] == '/'
	if x.selfClosing {
		raw = raw[:len(raw)-1]
	}
	end := 0
	for end < len(raw) && !isXMLSpace(raw[end]) {
		end++
	}
	x.qname, x.name, x.attrs = raw[:end], localName(raw[:end]), raw[end:]
	return tokStart, nil
}

// readTagBody reads up to the '>' that ends a tag, one inside a quoted attribute value
// aside.
func (x *xmlTokens) readTagBody() ([]byte, error) {
	raw, err := x.readUntil('>')
	if err != nil {
		return nil, unexpectedEOF(err)
	}
	if !quotesClosed(raw) {
		acc := append([]byte(nil), raw...)
		for !quotesClosed(acc) {
			more, err := x.readUntil('>')
			if err != nil {
				return nil, unexpectedEOF(err)
			}
			acc = append(append(acc, '>'), more...)
		}
		raw = acc
	}
	if len(raw) == 0 {
		return nil, fmt.Errorf("XML syntax error: empty tag")
	}
	return raw, nil
}

// quotesClosed reports whether every quoted attribute value in a tag is closed.
func quotesClosed(tag []byte) bool {
	var q byte
	for _, c := range tag {
		switch {
		case q == 0 && (c == '"' || c == '\''):
			q = c
		case c == q:
			q = 0
		}
	}
	return q == 0
}

// bang reads a comment (skipped) or a CDATA section (its text, as is).
func (x *xmlTokens) bang() (xmlTok, error) {
	head, _ := x.br.Peek(8)
	switch {
	case bytes.HasPrefix(head, []byte("![CDATA[")):
		x.br.Discard(8)
		t, err := x.readThrough("]]>")
		x.text = normalizeNewlines(t)
		return tokText, err
	case bytes.HasPrefix(head, []byte("!--")):
		if _, err := x.readThrough("-->"); err != nil {
			return tokEOF, err
		}
	default: // a DOCTYPE: a workbook part has none; skipped to its end
		if _, err := x.readUntil('>'); err != nil {
			return tokEOF, unexpectedEOF(err)
		}
	}
	return x.next()
}

// readThrough reads up to and including end, returning what came before it.
func (x *xmlTokens) readThrough(end string) ([]byte, error) {
	last := end[len(end)-1]
	var acc []byte
	for {
		b, err := x.readUntil(last)
		if err != nil {
			return nil, unexpectedEOF(err)
		}
		acc = append(acc, b...)
		acc = append(acc, last)
		if bytes.HasSuffix(acc, []byte(end)) {
			return acc[:len(acc)-len(end)], nil
		}
	}
}

func unexpectedEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// localName is an element name without its namespace prefix (x:row → row).
func localName(n []byte) []byte {
	if i := bytes.IndexByte(n, ':'); i >= 0 {
		return n[i+1:]
	}
	return n
}

// xmlAttr is the value of attribute name (its local name) in raw attributes, entities
// decoded; ok is false when absent.
func xmlAttr(attrs []byte, name string) (v []byte, ok bool) {
	for len(attrs) > 0 {
		attrs = trimXMLSpace(attrs)
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			return nil, false
		}
		key := localName(trimXMLSpace(attrs[:eq]))
		rest := trimXMLSpace(attrs[eq+1:])
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return nil, false
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return nil, false
		}
		val := rest[1 : end+1]
		attrs = rest[end+2:]
		if string(key) == name {
			t, _ := xmlText(val)
			return t, true
		}
	}
	return nil, false
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// trimXMLSpace is b without the XML white space around it (bytes.TrimSpace knows more
// spaces, and a cutset costs a set per call: this runs for every attribute).
func trimXMLSpace(b []byte) []byte {
	for len(b) > 0 && isXMLSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isXMLSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// xmlText decodes character data as an XML parser does: the five named entities and
// numeric character references, and CR LF or a lone CR read as LF.
func xmlText(raw []byte) ([]byte, error) {
	if bytes.IndexByte(raw, '&') < 0 {
		return normalizeNewlines(raw), nil
	}
	out := make([]byte, 0, len(raw))
	for len(raw) > 0 {
		i := bytes.IndexByte(raw, '&')
		if i < 0 {
			out = append(out, normalizeNewlines(raw)...)
			break
		}
		out = append(out, normalizeNewlines(raw[:i])...)
		raw = raw[i:]
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 {
			return nil, fmt.Errorf("XML syntax error: unterminated entity reference")
		}
		ent := string(raw[1:semi])
		raw = raw[semi+1:]
		switch ent {
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "amp":
			out = append(out, '&')
		case "quot":
			out = append(out, '"')
		case "apos":
			out = append(out, '\'')
		default:
			r, err := charRef(ent)
			if err != nil {
				return nil, err
			}
			out = utf8.AppendRune(out, r) // &#xD; is a CR kept, not a line end
		}
	}
	return out, nil
}

// charRef is the character of a reference &#NN; or &#xHH; (given without & and ;).
func charRef(ent string) (rune, error) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, fmt.Errorf("XML syntax error: invalid character entity &%s;", ent)
	}
	base, digits := 10, ent[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || !utf8.ValidRune(rune(n)) {
		return 0, fmt.Errorf("XML syntax error: invalid character entity &%s;", ent)
	}
	return rune(n), nil
}

// normalizeNewlines turns CR LF and a lone CR into LF, as XML parsers must.
func normalizeNewlines(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '\r' {
			out = append(out, '\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			continue
		}
		out = append(out, b[i])
	}
	return out
}
