package sheets

import (
	"io"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// ErrorMessageHeader is the column Control Hub adds to the rows of a job that failed: its
// error file is the input sheet plus this column. Reading such a file moves the column
// into Row.Message, so the sheet is the input sheet again, each row with its message.
const ErrorMessageHeader = "Error Message"

// isErrorMessage reports whether header h is the Error Message column (matched like any
// header), unless the object type has a column of that name of its own.
func isErrorMessage(o *catalog.Object, h string) bool {
	if catalog.Normalize(h) != catalog.Normalize(ErrorMessageHeader) {
		return false
	}
	return o == nil || o.Column(h) < 0
}

// WriteErrorCSV writes the sheet as Control Hub writes an error file: the sheet's columns
// plus an Error Message column holding each row's Message. The format is WriteCSV's.
func WriteErrorCSV(w io.Writer, s *Sheet) error {
	return writeCSV(w, s, true, WriteOptions{})
}

// WriteErrorCSVWith is WriteErrorCSV with options: an error file is opened by a person,
// so Bulkops writes it with ProtectFormulas.
func WriteErrorCSVWith(w io.Writer, s *Sheet, opt WriteOptions) error {
	return writeCSV(w, s, true, opt)
}
