package sheets

import "strings"

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
		f := outField(cells[i], WriteOptions{}) // control characters are written as pictures
		n += len(f)
		if needsQuotes(f) {
			n += 2 + strings.Count(f, `"`)
		}
	}
	return n
}
