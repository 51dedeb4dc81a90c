package sheets

import (
	"slices"
	"strings"
)

// Known holds what the organization already has, by object type key ("site", "team"):
// the names a reference may use besides those defined in the sheets being checked. A type
// with an entry (even an empty one) is checked against it; a type with none is checked only
// against the sheets, or not at all when no sheet of that type is open.
type Known map[string][]string

// Validate checks a set of sheets given together — each cell, each row, each file, and the
// references between them — and returns every finding sorted by file, row and column.
// Errors block packing; warnings do not.
//
// A reference is checked against the sheets of the referenced type in the set and the
// names in known. A reference to a type that is in neither cannot be checked offline, and
// is not an error. A sheet with more records or bytes than one Control Hub file takes gets
// a warning: packing splits it (CheckPackedFile makes that an error for a file that is
// uploaded as it is).
func Validate(set []*Sheet, known Known) []Finding {
	return NewChecker(set, known).Findings()
}

// CheckPackedFile checks a sheet read from a single CSV file that is to be uploaded as it
// is, without packing: on top of the sheet's own findings, more records than lim.MaxRecords
// or a file larger than lim.MaxBytes (size is the file's size in bytes) are errors.
func CheckPackedFile(s *Sheet, size int64, lim Limits) []Finding {
	c := newChecker([]*Sheet{s}, nil, Limits{})
	fs := c.Findings()
	fs = append(fs, sizeFindings(s.File, len(s.Rows), size, lim, true)...)
	sortFindings(fs)
	return fs
}

// sortFindings orders findings by file, row, column, severity (errors first) and message,
// a total order, so equal sets of findings always come out as equal slices.
func sortFindings(fs []Finding) {
	slices.SortFunc(fs, compareFindings)
}

func compareFindings(a, b Finding) int {
	if c := strings.Compare(a.File, b.File); c != 0 {
		return c
	}
	if a.Row != b.Row {
		return a.Row - b.Row
	}
	if a.Col != b.Col {
		return a.Col - b.Col
	}
	if a.Severity != b.Severity {
		return int(a.Severity) - int(b.Severity)
	}
	if c := strings.Compare(a.Message, b.Message); c != 0 {
		return c
	}
	return strings.Compare(a.Column, b.Column)
}
