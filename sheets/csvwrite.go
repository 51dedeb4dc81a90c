package sheets

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteCSV writes the sheet as Control Hub reads it: UTF-8 without a byte-order mark,
// comma-separated, RFC 4180 quoting, CRLF line ends (as Excel and Control Hub's own
// exports end lines), the header row first, in the sheet's own spelling and order.
//
// A value is quoted when it holds a comma, quote, line break, semicolon or tab, or
// starts or ends with a space: more than RFC 4180 needs, so that Excel in a locale whose
// separator is ; and our own separator sniffing read the file back the same.
//
// Control characters other than tab and line breaks (NUL, ESC, DEL…) are never written
// raw: each is written as its visible Unicode picture (␀, ␛, ␡). Validate makes them an
// error on their cell.
func WriteCSV(w io.Writer, s *Sheet) error {
	return writeCSV(w, s, false, WriteOptions{})
}

// WriteCSVWith is WriteCSV with options: for a file a person opens, protected formulas.
func WriteCSVWith(w io.Writer, s *Sheet, opt WriteOptions) error {
	return writeCSV(w, s, false, opt)
}

func writeCSV(w io.Writer, s *Sheet, messages bool, opt WriteOptions) error {
	if err := checkWidths(s); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	header := s.Headers()
	if messages {
		header = append(header, ErrorMessageHeader)
	}
	writeRecord(bw, header, opt)
	rec := make([]string, len(header))
	for _, r := range s.Rows {
		clear(rec)
		copy(rec, r.Cells)
		if messages {
			rec[len(rec)-1] = r.Message
		}
		writeRecord(bw, rec, opt)
	}
	return bw.Flush()
}

// checkWidths refuses a sheet with a row longer than its header: writing it would
// either drop cells or give them no column.
func checkWidths(s *Sheet) error {
	for i, r := range s.Rows {
		if len(r.Cells) > len(s.Columns) {
			return fmt.Errorf("%s:%d: the row has %d cells but the sheet has %d columns; nothing written",
				s.File, RowNumber(i), len(r.Cells), len(s.Columns))
		}
	}
	return nil
}

// writeRecord writes one line. A record of a single empty field is written as "" so the
// line is not empty: a CSV reader skips empty lines, and the row would be lost.
func writeRecord(w *bufio.Writer, rec []string, opt WriteOptions) {
	for i, f := range rec {
		if i > 0 {
			w.WriteByte(',')
		}
		f = outField(f, opt)
		if needsQuotes(f) || (len(rec) == 1 && f == "") {
			w.WriteByte('"')
			w.WriteString(strings.ReplaceAll(f, `"`, `""`))
			w.WriteByte('"')
		} else {
			w.WriteString(f)
		}
	}
	w.WriteString("\r\n")
}

func needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f[0] == ' ' || f[len(f)-1] == ' ' {
		return true
	}
	// "sep=" would read as Excel's separator line if it led the file. Compared by bytes:
	// lower-casing every field was most of Pack's allocations.
	if len(f) >= 4 && f[0]|0x20 == 's' && f[1]|0x20 == 'e' && f[2]|0x20 == 'p' && f[3] == '=' {
		return true
	}
	return hasCSVSpecial(f)
}

// outField is a value as it is written: protected when asked, control characters made
// visible. Most values need neither, and are returned as they are.
func outField(f string, opt WriteOptions) string {
	if opt.ProtectFormulas {
		f = protectField(f)
	}
	if controlAt(f) < 0 {
		return f
	}
	var b strings.Builder
	for _, r := range f {
		if isControl(r) {
			r = controlPicture(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
