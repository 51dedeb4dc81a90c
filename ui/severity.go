package ui

import "github.com/bulkops/bulkops/sheets"

// severity of what is shown on a cell: none, a warning or an error (the worst wins).
type severity int

const (
	sevNone severity = iota
	sevWarning
	sevError
)

func worst(fs []sheets.Finding) severity {
	s := sevNone
	for _, f := range fs {
		if f.Severity == sheets.Error {
			return sevError
		}
		s = sevWarning
	}
	return s
}
