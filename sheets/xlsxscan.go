package sheets

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// rawCell is a worksheet cell as stored: its column (0 for A), type attribute, style
// index and value (the <v> text, or an inline string's text), before the number format
// is applied (see xlsxCells).
type rawCell struct {
	col    int
	typ    string
	style  int
	v      string
	inline bool // an <is> inline string; v is its text
	hasF   bool // a formula, whose cell excelize keeps even when its value is empty
}

const (
	xlsxMaxRows    = 1048576 // Excel's limits
	xlsxMaxColumns = 16384
)

// sheetScanner reads a worksheet part's rows one <row> at a time.
type sheetScanner struct {
	tok   *xmlTokens
	row   int
	cells []rawCell
	text  []byte
	fast  fastRowState
}

func newSheetScanner(r io.Reader) *sheetScanner { return &sheetScanner{tok: newXMLTokens(r)} }

// nextRow returns the next row element's number and cells (valid until the next call);
// io.EOF after the last one.
func (sc *sheetScanner) nextRow() (int, []rawCell, error) {
	for {
		t, err := sc.tok.next()
		if err != nil {
			return 0, nil, err
		}
		switch {
		case t == tokEOF:
			return 0, nil, io.EOF
		case t == tokEnd && string(sc.tok.name) == "sheetData":
			return 0, nil, io.EOF
		case t == tokStart && string(sc.tok.name) == "row":
			n := sc.row + 1
			if v, ok := xmlAttr(sc.tok.attrs, "r"); ok {
				if r, err := strconv.Atoi(string(v)); err == nil && r != 0 {
					n = r
				}
			}
			if n > xlsxMaxRows {
				return 0, nil, fmt.Errorf("row number exceeds maximum limit")
			}
			sc.row = n
			sc.cells = sc.cells[:0]
			if sc.tok.selfClosing {
				return n, nil, nil
			}
			if sc.fastRow() {
				return n, sc.cells, nil
			}
			err := sc.readCells()
			return n, sc.cells, err
		}
	}
}

// readCells reads the cells of a row up to its end.
func (sc *sheetScanner) readCells() error {
	col := -1
	for {
		t, err := sc.tok.next()
		if err != nil {
			return err
		}
		switch {
		case t == tokEOF:
			return io.ErrUnexpectedEOF
		case t == tokEnd && string(sc.tok.name) == "row":
			return nil
		case t == tokStart && string(sc.tok.name) == "c":
			c, err := sc.readCell(col)
			if err != nil {
				return err
			}
			col = c.col
			sc.cells = append(sc.cells, c)
		}
	}
}

// readCell reads one <c> element, whose start tag was just read; prev is the column of
// the cell before it in the row.
func (sc *sheetScanner) readCell(prev int) (rawCell, error) {
	c, err := cellFromAttrs(prev, sc.tok.attrs)
	if err != nil || sc.tok.selfClosing {
		return c, err
	}
	return c, sc.readCellBody(&c)
}

// cellFromAttrs is a cell as its start tag's attributes place and type it; prev is the
// column of the cell before it in the row.
func cellFromAttrs(prev int, attrs []byte) (rawCell, error) {
	c := rawCell{col: prev + 1}
	ref, style, typ := cellAttrs(attrs)
	if len(ref) > 0 {
		col, err := cellRefColumn(ref)
		if err != nil {
			return c, err
		}
		c.col = col
	}
	if style != nil {
		n, err := strconv.Atoi(string(style))
		if err != nil {
			return c, fmt.Errorf("cell %s: invalid style index %q", colLetters(c.col), style)
		}
		c.style = n
	}
	if typ != nil {
		c.typ = cellType(typ)
	}
	return c, nil
}

// cellAttrs are a cell's r, s and t attributes, read in one pass (nil when absent):
// there is one cell tag per value, so this is the reader's inner loop.
func cellAttrs(attrs []byte) (ref, style, typ []byte) {
	for len(attrs) > 0 {
		attrs = trimXMLSpace(attrs)
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 || eq+1 >= len(attrs) {
			return
		}
		key := localName(trimXMLSpace(attrs[:eq]))
		rest := trimXMLSpace(attrs[eq+1:])
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return
		}
		val := rest[1 : end+1]
		attrs = rest[end+2:]
		if len(key) == 1 {
			switch key[0] {
			case 'r':
				ref = val
			case 's':
				style = val
			case 't':
				typ, _ = xmlText(val)
			}
		}
	}
	return
}

// cellType is a cell's t attribute as a string, the usual ones without allocating.
func cellType(t []byte) string {
	for _, k := range [...]string{"s", "n", "str", "b", "inlineStr", "e", "d"} {
		if string(t) == k {
			return k
		}
	}
	return string(t)
}

// readCellBody reads a cell's value, formula and inline string up to </c>: the text of
// <v>, and of an inline string's <t> elements, its runs' included and its phonetic
// runs' (<rPh>) left out, as excelize reads them.
func (sc *sheetScanner) readCellBody(c *rawCell) error {
	var inV, inT, inIS bool
	rph := 0
	sc.text = sc.text[:0]
	for {
		t, err := sc.tok.next()
		if err != nil {
			return err
		}
		name := string(sc.tok.name)
		switch t {
		case tokEOF:
			return io.ErrUnexpectedEOF
		case tokText:
			if inV || inT && inIS && rph == 0 {
				sc.text = append(sc.text, sc.tok.text...)
			}
		case tokStart:
			switch name {
			case "v":
				inV = !sc.tok.selfClosing
			case "f":
				c.hasF = true
			case "is":
				inIS, c.inline = !sc.tok.selfClosing, true
			case "t":
				inT = !sc.tok.selfClosing
			case "rPh":
				if !sc.tok.selfClosing {
					rph++
				}
			}
		case tokEnd:
			switch name {
			case "c":
				c.v = string(sc.text)
				if c.inline {
					c.v = bstrUnmarshal(c.v)
				}
				return nil
			case "v":
				inV = false
			case "is":
				inIS = false
			case "t":
				inT = false
			case "rPh":
				rph--
			}
		}
	}
}

// cellRefColumn is the column (0 for A) of a cell reference such as B12.
func cellRefColumn(ref []byte) (int, error) {
	n, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		n = n*26 + int(c-'A'+1)
		if n > xlsxMaxColumns {
			return 0, fmt.Errorf("invalid cell reference %q: the column number exceeds the maximum limit", ref)
		}
	}
	if n == 0 {
		return 0, fmt.Errorf("invalid cell reference %q", ref)
	}
	if _, err := strconv.Atoi(string(ref[i:])); err != nil {
		return 0, fmt.Errorf("invalid cell reference %q", ref)
	}
	return n - 1, nil
}

// readSharedStrings reads a shared-strings part: the text of each <si>, its runs' text
// joined and its phonetic runs left out, _xHHHH_ escapes decoded.
func readSharedStrings(r io.Reader) ([]string, error) {
	return scanSharedStrings(r, &fastRowState{})
}

// scanSharedStrings is readSharedStrings, its plain entries read by fastStrings.
func scanSharedStrings(r io.Reader, fast *fastRowState) ([]string, error) {
	tok := newXMLTokens(r)
	var out []string
	var text []byte
	inSI, inT, rph := false, false, 0
	for {
		t, err := tok.next()
		if err != nil {
			return nil, err
		}
		name := string(tok.name)
		switch t {
		case tokEOF:
			return out, nil
		case tokText:
			if inSI && inT && rph == 0 {
				text = append(text, tok.text...)
			}
		case tokStart:
			switch {
			case name == "sst" && !tok.selfClosing:
				out = fastStrings(tok, fast, out)
			case name == "si" && tok.selfClosing:
				out = append(out, "")
			case name == "si":
				inSI, text = true, text[:0]
			case name == "t":
				inT = !tok.selfClosing
			case name == "rPh" && !tok.selfClosing:
				rph++
			}
		case tokEnd:
			switch name {
			case "si":
				if inSI { // a stray </si> ends no entry
					out = append(out, bstrUnmarshal(string(text)))
				}
				inSI = false
				out = fastStrings(tok, fast, out)
			case "t":
				inT = false
			case "rPh":
				rph--
			}
		}
	}
}

var bstrRe = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

// bstrUnmarshal decodes the _xHHHH_ escapes Excel writes for characters XML cannot hold
// (_x000D_ a carriage return, _x005F_ a literal underscore), as excelize does.
func bstrUnmarshal(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	cursor := 0
	for _, m := range bstrRe.FindAllStringIndex(s, -1) {
		b.WriteString(s[cursor:m[0]])
		cursor = m[1]
		sub := s[m[0]:m[1]]
		if sub == "_x005F_" {
			b.WriteByte('_')
			continue
		}
		if v, err := strconv.Unquote(`"\u` + sub[2:6] + `"`); err == nil {
			b.WriteString(v)
		}
	}
	b.WriteString(s[cursor:])
	return b.String()
}
