package sheets

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/bulkops/bulkops/internal/i18n"
)

// ReadCSV reads a delimited text sheet: UTF-8 with or without a byte-order mark, UTF-16
// with one, or Windows-1250/1252 (see textReader); fields separated by a comma, semicolon
// or tab, whichever the header line uses (or an Excel "sep=;" first line says); CRLF, LF
// or CR line ends; RFC 4180 quotes, a quoted field may hold separators, quotes and line
// breaks. Every cell is kept as the text it is: leading + and zeros stay. The file is
// read as a stream: the parsed cells are the only copy of the data held, and at most
// MaxSheetText of them. Where the encoding was a guess, Sheet.Decoded says so.
func ReadCSV(r io.Reader, name string, opt ReadOptions) (*Sheet, error) {
	src, err := csvSource(r, name, opt)
	if err != nil {
		return nil, err
	}
	return readAll(src, opt)
}

// newCSVReader sets a reader of records (csvScanner, which reads as csv.Reader does) up
// for the decoded text: the separator sniffed from the header line, an Excel "sep=" line
// skipped, lone CR line ends (old Mac Excel) made LF.
func newCSVReader(text io.Reader, name string) (*csvScanner, error) {
	br := bufio.NewReaderSize(text, sniffSize)
	sample, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF {
		return nil, csvError(name, 1, err)
	}
	comma, skip, err := separator(sample)
	if err != nil {
		return nil, readErr(name, 1, "", i18n.Of(err))
	}
	_, _ = br.Discard(skip)
	if bytes.IndexByte(sample, '\n') < 0 && bytes.IndexByte(sample, '\r') >= 0 {
		br = bufio.NewReaderSize(crToLF{br}, sniffSize)
	}
	// Short rows are padded, long ones reported by the builder: no count of fields.
	return newCSVScanner(br, comma), nil
}

// separator returns the field separator of a sheet and how many bytes of a "sep=X" line
// to skip. Without such a line it is whichever of , ; and tab occurs most often in the
// header line outside quotes (in the whole sample if the header has none); a tie goes
// to the comma, then the semicolon.
func separator(sample []byte) (comma rune, skip int, err error) {
	if line, n, ok := sepLine(sample); ok {
		r, size := utf8.DecodeRune(line[4:])
		if size != len(line)-4 || r == '"' || r == utf8.RuneError || r == 0 {
			return 0, 0, i18n.Errorf("the first line %q does not name a usable separator", line)
		}
		return r, n, nil
	}
	counts := countSeparators(sample, true)
	if counts == [3]int{} {
		counts = countSeparators(sample, false)
	}
	best := 0
	for i := 1; i < 3; i++ {
		if counts[i] > counts[best] {
			best = i
		}
	}
	return []rune{',', ';', '\t'}[best], 0, nil
}

// sepLine finds Excel's "sep=X" first line; n counts its line break too.
func sepLine(sample []byte) (line []byte, n int, ok bool) {
	if len(sample) < 5 || !bytes.EqualFold(sample[:4], []byte("sep=")) {
		return nil, 0, false
	}
	end := bytes.IndexAny(sample, "\r\n")
	if end < 0 {
		return nil, 0, false
	}
	n = end + 1
	if sample[end] == '\r' && n < len(sample) && sample[n] == '\n' {
		n++
	}
	return sample[:end], n, true
}

// countSeparators counts commas, semicolons and tabs outside double quotes, in the
// first line only when firstLine is set.
func countSeparators(b []byte, firstLine bool) (counts [3]int) {
	quoted := false
	for _, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == ',':
			counts[0]++
		case c == ';':
			counts[1]++
		case c == '\t':
			counts[2]++
		case (c == '\n' || c == '\r') && firstLine:
			return counts
		}
	}
	return counts
}

// crToLF turns CR line ends into LF, for files whose lines end in CR alone.
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := range p[:n] {
		if p[i] == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// csvError words a parse error for a person with the file open in an editor.
func csvError(name string, row int, err error) error {
	var re *ReadError
	if errors.As(err, &re) { // from the zip entry under the text: it names itself
		return re
	}
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return readErr(name, row, "", i18n.Of(err))
	}
	var msg i18n.Msg
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg = i18n.M(`a " inside a value that is not in quotes (line %d, character %d); put the value in double quotes and double each " in it`, pe.Line, pe.Column)
	case errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine != pe.Line:
		msg = i18n.M(`the quoted value that starts on line %d is not closed properly (line %d, character %d); a " inside quotes must be doubled`, pe.StartLine, pe.Line, pe.Column)
	case errors.Is(pe.Err, csv.ErrQuote):
		msg = i18n.M(`a quoted value is not closed properly (line %d, character %d); a " inside quotes must be doubled`, pe.Line, pe.Column)
	default:
		msg = i18n.M("line %d: %v", pe.Line, i18n.Raw(pe.Err.Error()))
	}
	return readErr(name, row, "", msg)
}
