package sheets

import (
	"bufio"
	"encoding/binary"
	"strings"
)

// The packer writes each CSV file with WriteCSV, so a packed file is byte for byte what
// saving the sheet as CSV gives. To split at MaxBytes it must know every record's size
// before writing it: packRecordLen computes what WriteCSV's writeRecord writes, and
// partWriter.flush checks the written size against the plan, so a change in one that the other
// misses fails loudly instead of producing a file over the limit.

// packRecordLen is the number of bytes WriteCSV writes for a record of ncols fields
// (missing cells are written empty, cells past ncols not at all).
func packRecordLen(cells []string, ncols int) int {
	n := 2 // CRLF
	if ncols > 1 {
		n += ncols - 1
	}
	if ncols == 1 && (len(cells) == 0 || cells[0] == "") {
		return n + 2 // a lone empty field is written "" so the line is not empty
	}
	for i := 0; i < ncols && i < len(cells); i++ {
		if plainField(cells[i]) {
			n += len(cells[i])
			continue
		}
		f := outField(cells[i], WriteOptions{}) // control characters are written as pictures
		n += len(f)
		if needsQuotes(f) {
			n += 2 + strings.Count(f, `"`)
		}
	}
	return n
}

// plainField reports whether writeRecord writes f as it is: no control character to show
// as a picture, nothing that needs quotes. One pass over the bytes where outField and
// needsQuotes make two; most values of most sheets are plain.
func plainField(f string) bool {
	if f == "" {
		return true
	}
	if f[0] == ' ' || f[len(f)-1] == ' ' || (len(f) >= 4 && f[0]|0x20 == 's' && f[1]|0x20 == 'e' && f[2]|0x20 == 'p' && f[3] == '=') {
		return false
	}
	i := 0
	for ; i+8 <= len(f); i += 8 {
		w := binary.LittleEndian.Uint64([]byte(f[i : i+8]))
		if wordBelow(w, 0x20) || wordHas(w, 0x7F) || wordHas(w, ',') || wordHas(w, '"') || wordHas(w, ';') {
			return false
		}
	}
	for ; i < len(f); i++ {
		if c := f[i]; c < 0x20 || c == 0x7F || c == ',' || c == '"' || c == ';' {
			return false
		}
	}
	return true
}

// plainSize is the size of rows written with every field plain (see plainField). A
// group whose planned size (packRecordLen) is this has only plain fields: quotes add two
// bytes at least, a control character's picture two more than the character.
func plainSize(rows []Row, ncols int) int64 {
	n := int64(len(rows)) * int64(2+max(ncols-1, 0))
	for _, r := range rows {
		for i := 0; i < ncols && i < len(r.Cells); i++ {
			n += int64(len(r.Cells[i]))
		}
	}
	return n
}

// writePlain is writeRecord for a record of plain fields.
func writePlain(w *bufio.Writer, rec []string) {
	for i, f := range rec {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString(f)
	}
	w.WriteString("\r\n")
}
