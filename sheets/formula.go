package sheets

import "strings"

// A CSV value that starts with =, +, -, @, a tab or a CR is run as a formula by Excel and
// other spreadsheet programs when they open the file ("CSV injection"): =HYPERLINK(…)
// can send what the sheet holds elsewhere. OWASP's remedy for files people open is a '
// before such a value, which Excel shows as text and does not display. Bulkops puts it on
// in the CSV files it writes for people (exports, error files: WriteOptions) and takes it
// off when such a file is read back (ReadOptions.Unprotect), so a round trip changes
// nothing. Packages for the API carry values as typed.

// WriteOptions steer writing a CSV file.
type WriteOptions struct {
	// ProtectFormulas puts a ' before each value a spreadsheet would run as a formula,
	// for a file a person opens. Never for a package sent to the API.
	ProtectFormulas bool
	// NoteBudget bounds notes × rows in a workbook (WriteXLSXWith): past it, cells with
	// findings are tinted without a note. 0 means the default, which keeps a workbook
	// of 5,000 rows quick to write.
	NoteBudget int
}

// formulaStart reports whether a spreadsheet would take v for a formula.
func formulaStart(v string) bool {
	if v == "" {
		return false
	}
	switch v[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// needsProtection: a formula, or a value that already looks protected (one or more '
// before a formula start), which gets one ' more so reading back gives it unchanged.
// A negative number is left as it is: Excel reads it as the number, which it is.
func needsProtection(v string) bool {
	if v == "" || negativeNumber(v) {
		return false
	}
	return formulaStart(strings.TrimLeft(v, "'"))
}

func negativeNumber(v string) bool {
	return len(v) > 1 && v[0] == '-' && isDecimal(v)
}

// protectField returns the value as a file for people holds it.
func protectField(v string) string {
	if needsProtection(v) {
		return "'" + v
	}
	return v
}

// unprotect takes the protection off the values read from a protected file, in place.
func unprotect(cells []string) {
	for i, c := range cells {
		if len(c) > 1 && c[0] == '\'' && formulaStart(strings.TrimLeft(c, "'")) {
			cells[i] = c[1:]
		}
	}
}

// Apply returns the sheet as the options write it: with protected values when
// ProtectFormulas is set and some value needs it (a copy; the sheet is not changed), else
// the sheet itself. For writers that take a sheet, such as WritePackage for an export.
func (o WriteOptions) Apply(s *Sheet) *Sheet {
	if !o.ProtectFormulas || !sheetNeedsProtection(s) {
		return s
	}
	c := s.Clone()
	for i := range c.Columns {
		c.Columns[i].Header = protectField(c.Columns[i].Header)
	}
	for _, r := range c.Rows {
		for j, v := range r.Cells {
			r.Cells[j] = protectField(v)
		}
	}
	for i := range c.Rows {
		c.Rows[i].Message = protectField(c.Rows[i].Message)
	}
	return c
}

func sheetNeedsProtection(s *Sheet) bool {
	for _, c := range s.Columns {
		if needsProtection(c.Header) {
			return true
		}
	}
	for _, r := range s.Rows {
		if needsProtection(r.Message) {
			return true
		}
		for _, v := range r.Cells {
			if needsProtection(v) {
				return true
			}
		}
	}
	return false
}
