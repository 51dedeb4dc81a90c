package sheets

import "fmt"

// Severity of a finding: errors block packing and submitting, warnings do not.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Finding is one problem found in a sheet, located the way a person finds it in Excel.
type Finding struct {
	File     string
	Row      int    // spreadsheet row number (header = 1); 0 for the whole file
	Col      int    // index into Sheet.Columns; -1 for the whole row or file
	Column   string // the column's header as written; "" for the whole row or file
	Severity Severity
	Message  string
}

// String formats a finding as FILE:ROW:COLUMN: severity: message.
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%s: %s: %s", f.File, f.Row, f.Column, f.Severity, f.Message)
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}
