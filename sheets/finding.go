package sheets

import (
	"fmt"

	"github.com/bulkops/bulkops/internal/i18n"
)

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
	Message  string   // in English: what the CLI prints and error files keep
	Text     i18n.Msg // the same message as a template, to show it in another language
}

// NewFinding makes a finding whose Message is msg in English.
func NewFinding(file string, row, col int, column string, sev Severity, msg i18n.Msg) Finding {
	return Finding{File: file, Row: row, Col: col, Column: column, Severity: sev, Message: msg.String(), Text: msg}
}

// MessageIn is the finding's message in language code ("en", "cs"): its template rendered
// there, or Message when the finding has none (Control Hub's own messages).
func (f Finding) MessageIn(code string) string {
	if f.Text.IsZero() || code == i18n.English {
		return f.Message
	}
	return f.Text.In(code)
}

// StringIn is String with the message in language code.
func (f Finding) StringIn(code string) string {
	sev := i18n.M("error")
	if f.Severity == Warning {
		sev = i18n.M("warning")
	}
	return fmt.Sprintf("%s:%d:%s: %s: %s", f.File, f.Row, f.Column, sev.In(code), f.MessageIn(code))
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
