package sheets

import (
	"bytes"
)

// The tokenizer reads a worksheet a token at a time: seven tokens, each a call into
// the buffered reader, and a string, for one cell of inline text. Nearly every row a
// spreadsheet writes is a run of cells of a few plain shapes:
//
//	<c r="A2" s="1" t="s"><v>12</v></c>
//	<c r="B2" t="inlineStr"><is><t xml:space="preserve">text</t></is></c>
//	<c r="C2" t="str"><f>A2&amp;B2</f><v>cached</v></c>
//	<c r="D2" s="3"/>
//
// fastRow reads such a row straight from the tokenizer's buffer, and makes its cells'
// text one string (one allocation a row, not one a cell). Any other shape (a prefix,
// a comment, CDATA, rich text, text where none belongs, a bad entity, a row longer than
// the buffer) leaves the row unread for the tokenizer, which reads it, and words its
// errors, as before; TestFastRowMatchesTokenizer and FuzzFastRow hold the two paths to
// the same cells.

// fastRowState is fastRow's scratch space, kept between rows.
type fastRowState struct {
	off   bool   // the fast path is not taken (tests compare the paths)
	taken int    // rows it read (tests see that it is taken)
	end   []byte // the row's end tag as written
	text  []byte // the row's cells' text, one after another
	ends  []int  // where each cell's text ends in text
}

// fastRow reads the cells of the row whose start tag was just read, when the whole row
// is in the buffer and of plain shapes; false leaves the row unread. The cells are
// parsed from the buffer as it stands; only when they run past its end is it filled
// (which moves what is left to its start) and the row parsed again.
func (sc *sheetScanner) fastRow() bool {
	f := &sc.fast
	if f.off {
		return false
	}
	f.end = append(append(append(f.end[:0], "</"...), sc.tok.qname...), '>')
	n, ok := f.parse(sc.tok.buffered(), &sc.cells)
	if !ok && !bytes.Contains(sc.tok.buffered(), f.end) {
		n, ok = f.parse(sc.tok.fill(), &sc.cells)
	}
	if !ok {
		sc.cells = sc.cells[:0]
		return false
	}
	sc.tok.discard(n)
	f.taken++
	row := string(f.text)
	start := 0
	for i := range sc.cells {
		c := &sc.cells[i]
		c.v, start = row[start:f.ends[i]], f.ends[i]
		if c.inline {
			c.v = bstrUnmarshal(c.v)
		}
	}
	return true
}

// parse reads a row's cells from buf, which holds what follows its start tag, through
// its end tag; n is how many bytes that took. ok is false for a shape it does not know
// or a row that does not end within buf.
func (f *fastRowState) parse(buf []byte, cells *[]rawCell) (n int, ok bool) {
	f.text, f.ends, *cells = f.text[:0], f.ends[:0], (*cells)[:0]
	col := -1
	for b := buf; ; {
		b = skipXMLSpace(b)
		if bytes.HasPrefix(b, f.end) {
			return len(buf) - len(b) + len(f.end), true
		}
		attrs, self, rest, ok := startTag(b, "c")
		if !ok {
			return 0, false
		}
		c, err := cellFromAttrs(col, attrs)
		if err != nil {
			return 0, false
		}
		if !self {
			if rest, ok = f.cellBody(&c, rest); !ok {
				return 0, false
			}
		}
		f.ends = append(f.ends, len(f.text))
		*cells = append(*cells, c)
		col = c.col
		b = rest
	}
}

// cellBody reads what follows a cell's start tag through its end tag: an optional
// formula, then a value or an inline string of one run. It returns what follows </c>.
func (f *fastRowState) cellBody(c *rawCell, b []byte) ([]byte, bool) {
	b = skipXMLSpace(b)
	if _, self, rest, ok := startTag(b, "f"); ok {
		c.hasF = true
		if !self {
			if rest, ok = skipElementText(rest, "</f>"); !ok {
				return nil, false
			}
		}
		b = skipXMLSpace(rest)
	}
	var ok bool
	if _, self, rest, isV := startTag(b, "v"); isV {
		if b, ok = f.elementText(rest, self, "</v>"); !ok {
			return nil, false
		}
	} else if _, self, rest, isIS := startTag(b, "is"); isIS {
		c.inline = true
		if b, ok = f.inlineString(rest, self, "</is>"); !ok {
			return nil, false
		}
	}
	b = skipXMLSpace(b)
	if !bytes.HasPrefix(b, []byte("</c>")) {
		return nil, false
	}
	return b[len("</c>"):], true
}

// inlineString reads an inline string (<is>) or a shared one (<si>) of one <t> (no
// runs, no phonetic text) through its end tag.
func (f *fastRowState) inlineString(b []byte, self bool, end string) ([]byte, bool) {
	if self {
		return b, true
	}
	b = skipXMLSpace(b)
	if _, tSelf, rest, ok := startTag(b, "t"); ok {
		if b, ok = f.elementText(rest, tSelf, "</t>"); !ok {
			return nil, false
		}
		b = skipXMLSpace(b)
	}
	if !bytes.HasPrefix(b, []byte(end)) {
		return nil, false
	}
	return b[len(end):], true
}

// elementText adds an element's text (the element's start tag read, self when it closed
// it) to the row's, through its end tag; it returns what follows that.
func (f *fastRowState) elementText(b []byte, self bool, end string) ([]byte, bool) {
	if self {
		return b, true
	}
	i := bytes.IndexByte(b, '<')
	if i < 0 || !bytes.HasPrefix(b[i:], []byte(end)) {
		return nil, false
	}
	raw := b[:i]
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		f.text = append(f.text, raw...)
	} else {
		t, err := xmlText(raw)
		if err != nil {
			return nil, false
		}
		f.text = append(f.text, t...)
	}
	return b[i+len(end):], true
}

// skipElementText skips an element's text (a formula's, which the reader does not keep)
// through its end tag; false when it holds markup or a bad entity.
func skipElementText(b []byte, end string) ([]byte, bool) {
	i := bytes.IndexByte(b, '<')
	if i < 0 || !bytes.HasPrefix(b[i:], []byte(end)) {
		return nil, false
	}
	if bytes.IndexByte(b[:i], '&') >= 0 {
		if _, err := xmlText(b[:i]); err != nil {
			return nil, false
		}
	}
	return b[i+len(end):], true
}

// startTag reads the start tag of element name (unprefixed) at the head of b: its raw
// attributes, whether it closes itself, and what follows it; ok is false when b does
// not start with one, or its attributes hold a quoted '>'.
func startTag(b []byte, name string) (attrs []byte, self bool, rest []byte, ok bool) {
	n := len(name)
	if len(b) < n+2 || b[0] != '<' || string(b[1:1+n]) != name {
		return nil, false, nil, false
	}
	t := b[1+n:]
	if t[0] != '>' && t[0] != '/' && !isXMLSpace(t[0]) {
		return nil, false, nil, false // a longer name: <cx…>
	}
	end := bytes.IndexByte(t, '>')
	if end < 0 || t[0] == '/' && end != 1 { // <c/x> is an element named c/x
		return nil, false, nil, false
	}
	attrs = t[:end]
	if bytes.IndexByte(attrs, '\'') >= 0 && !quotesClosed(attrs) || bytes.Count(attrs, []byte{'"'})%2 != 0 {
		return nil, false, nil, false
	}
	if len(attrs) > 0 && attrs[len(attrs)-1] == '/' {
		self, attrs = true, attrs[:len(attrs)-1]
	}
	return attrs, self, t[end+1:], true
}

// skipXMLSpace is b without the XML white space it starts with.
func skipXMLSpace(b []byte) []byte {
	for len(b) > 0 && isXMLSpace(b[0]) {
		b = b[1:]
	}
	return b
}
