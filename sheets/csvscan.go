package sheets

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"
	"unsafe"
)

// csvScanner reads delimited text as encoding/csv's Reader does with FieldsPerRecord -1
// (and no comments, no lazy quotes, no trimming): the same records from the same bytes,
// the same *csv.ParseError (line, column) for what it refuses, so csvError words both
// alike. What differs is where the cells live. csv.Reader allocates a string and a
// []string a record, most of the garbage of a pack (a million records: some 170 of its
// 220 MB allocated); the scanner appends each record's text to a text slab and carves
// the cells out of a slab of strings, a few allocations per thousand records. A slab is
// only appended to, never written over, so a cell stays what it was read as however long
// it is kept (it keeps its slab reachable: a slab is small, csvTextSlab) — unless the
// stream's reader has armed the slab pool (slabs.go) and released the record.
type csvScanner struct {
	r       *bufio.Reader
	comma   rune
	numLine int
	raw     []byte // a line longer than the bufio.Reader's buffer
	rec     []byte // the record's text, unquoted
	ends    []int  // where each field of rec ends
	// cur is the text carve cuts the record from: rec, or the line itself when no field
	// is in quotes, its fields between starts and ends.
	cur    []byte
	starts []int
	text   slab[byte]
	cells  slab[string]
	// slabs lends text and cell slabs back once the stream's reader is done with their
	// records (see slabPool); carved numbers the records as the source numbers its rows.
	slabs  *slabPool
	carved int64
}

const (
	// csvTextSlab is the size of a text slab: a finding that keeps a cell keeps its slab,
	// so a check's hundred findings a column keep at most some megabytes.
	csvTextSlab = 16 << 10
	// csvCellSlab is how many cells a slab of them holds.
	csvCellSlab = 1 << 10
)

var errCSVDelim = errors.New("csv: invalid field or comment delimiter") // csv.Reader's words

func newCSVScanner(r *bufio.Reader, comma rune) *csvScanner {
	return &csvScanner{r: r, comma: comma, slabs: newSlabPool()}
}

// readLine is csv.Reader's readLine: a line with its LF, CRLF made LF, a CR before the
// end of the text dropped.
func (s *csvScanner) readLine() ([]byte, error) {
	line, err := s.r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		s.raw = append(s.raw[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = s.r.ReadSlice('\n')
			s.raw = append(s.raw, line...)
		}
		line = s.raw
	}
	if n := len(line); n > 0 && err == io.EOF {
		err = nil
		if line[n-1] == '\r' {
			line = line[:n-1]
		}
	}
	s.numLine++
	if n := len(line); n >= 2 && line[n-2] == '\r' && line[n-1] == '\n' {
		line[n-2] = '\n'
		line = line[:n-1]
	}
	return line, err
}

// Read returns the next record; io.EOF after the last. Its cells are its own to keep.
func (s *csvScanner) Read() ([]string, error) {
	if !validDelim(s.comma) {
		return nil, errCSVDelim
	}
	var line []byte
	var errRead error
	for errRead == nil {
		line, errRead = s.readLine()
		if errRead == nil && len(line) == lengthNL(line) {
			continue // an empty line
		}
		break
	}
	if errRead == io.EOF {
		return nil, errRead
	}
	if s.comma < utf8.RuneSelf && bytes.IndexByte(line, '"') < 0 {
		s.splitPlain(line)
		return s.carve(), errRead
	}
	s.rec, s.ends = s.rec[:0], s.ends[:0]
	err := s.parse(line, &errRead)
	if err == nil {
		err = errRead
	}
	s.cur, s.starts = s.rec, s.starts[:0]
	prev := 0
	for _, end := range s.ends {
		s.starts = append(s.starts, prev)
		prev = end
	}
	return s.carve(), err
}

// splitPlain cuts a line with no quote in it at its separators, as parse would, without
// copying its fields: most lines of most files are such.
func (s *csvScanner) splitPlain(line []byte) {
	line = line[:len(line)-lengthNL(line)]
	s.starts, s.ends = s.starts[:0], s.ends[:0]
	sep := byte(s.comma)
	at := 0
	for {
		s.starts = append(s.starts, at)
		i := bytes.IndexByte(line[at:], sep)
		if i < 0 {
			s.ends = append(s.ends, len(line))
			break
		}
		s.ends = append(s.ends, at+i)
		at += i + 1
	}
	s.cur = line
}

// parse is the field loop of csv.Reader's readRecord, reading on into the next lines while
// a quoted field goes on; the fields go to rec and ends.
func (s *csvScanner) parse(line []byte, errRead *error) error {
	commaLen := utf8.RuneLen(s.comma)
	recLine := s.numLine
	posLine, col := s.numLine, 1
	for {
		if len(line) == 0 || line[0] != '"' { // a field not in quotes
			i := bytes.IndexRune(line, s.comma)
			field := line
			if i >= 0 {
				field = field[:i]
			} else {
				field = field[:len(field)-lengthNL(field)]
			}
			if j := bytes.IndexByte(field, '"'); j >= 0 {
				return &csv.ParseError{StartLine: recLine, Line: s.numLine, Column: col + j, Err: csv.ErrBareQuote}
			}
			s.rec = append(s.rec, field...)
			s.ends = append(s.ends, len(s.rec))
			if i < 0 {
				return nil
			}
			line = line[i+commaLen:]
			col += i + commaLen
			continue
		}
		line = line[1:] // a quoted field
		col++
		for {
			i := bytes.IndexByte(line, '"')
			switch {
			case i >= 0:
				s.rec = append(s.rec, line[:i]...)
				line = line[i+1:]
				col += i + 1
				switch rn := nextRune(line); {
				case rn == '"': // "" is a quote
					s.rec = append(s.rec, '"')
					line = line[1:]
					col++
					continue
				case rn == s.comma: // ", ends the field
					line = line[commaLen:]
					col += commaLen
					s.ends = append(s.ends, len(s.rec))
				case lengthNL(line) == len(line): // " at the end of the line
					s.ends = append(s.ends, len(s.rec))
					return nil
				default:
					return &csv.ParseError{StartLine: recLine, Line: s.numLine, Column: col - 1, Err: csv.ErrQuote}
				}
			case len(line) > 0: // the line ends inside the quotes: on into the next
				s.rec = append(s.rec, line...)
				if *errRead != nil {
					return nil
				}
				col += len(line)
				line, *errRead = s.readLine()
				if len(line) > 0 {
					posLine++
					col = 1
				}
				if *errRead == io.EOF {
					*errRead = nil
				}
				continue
			default: // the text ends inside the quotes
				if *errRead == nil {
					return &csv.ParseError{StartLine: recLine, Line: posLine, Column: col, Err: csv.ErrQuote}
				}
				s.ends = append(s.ends, len(s.rec))
				return nil
			}
			break // the field ended with ",: the next one
		}
	}
}

// carve copies the record's text to the text slab and cuts its cells from it.
func (s *csvScanner) carve() []string {
	s.carved++
	var str string
	if len(s.cur) > csvTextSlab/4 { // a long record gets a string of its own
		str = string(s.cur)
	} else if len(s.cur) > 0 {
		t := &s.text
		if cap(t.buf)-len(t.buf) < len(s.cur) {
			t.next(s.slabs, &s.slabs.text, csvTextSlab, 0xEE)
		}
		start := len(t.buf)
		t.buf = append(t.buf, s.cur...)
		t.last = s.carved
		str = unsafe.String(&t.buf[start], len(s.cur))
	}
	n := len(s.ends)
	c := &s.cells
	if cap(c.buf)-len(c.buf) < n {
		if n > csvCellSlab/4 { // a record of many cells gets a slice of its own
			dst := make([]string, n)
			cutCells(dst, str, s.starts, s.ends)
			return dst
		}
		c.next(s.slabs, &s.slabs.cells, csvCellSlab, "\xEE poisoned cell")
	}
	start := len(c.buf)
	c.buf = c.buf[:start+n]
	c.last = s.carved
	dst := c.buf[start : start+n : start+n]
	cutCells(dst, str, s.starts, s.ends)
	return dst
}

// cutCells cuts the cells of a record's text, each from its start to its end.
func cutCells(dst []string, str string, starts, ends []int) {
	for i, end := range ends {
		dst[i] = str[starts[i]:end]
	}
}

// recordASCII reports whether the record last read is all ASCII, so every cell of it is
// valid UTF-8 with nothing to repair.
func (s *csvScanner) recordASCII() bool { return isASCII(unsafeString(s.cur)) }

// unsafeString is b as a string for a look that does not keep it (isASCII).
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

func lengthNL(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return 1
	}
	return 0
}

func nextRune(b []byte) rune {
	r, _ := utf8.DecodeRune(b)
	return r
}

// validDelim is csv.Reader's test of a separator.
func validDelim(r rune) bool {
	return r != 0 && r != '"' && r != '\r' && r != '\n' && utf8.ValidRune(r) && r != utf8.RuneError
}
