package jobs

import (
	"regexp"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
)

// Spreadsheet programs rewrite what looks like a number, a date or a truth value when
// they open a CSV and save it again (LibreOffice and Excel alike): 00000 becomes 0,
// +420… loses its +, a long number turns into 1.23E+11, 1-2 into a date or a serial
// number, ON into TRUE. Against the organization's value such a change is told apart
// from an edit and warned about on its cell before anything is sent.
var (
	sciNotation = regexp.MustCompile(`^[0-9](\.[0-9]+)?[eE][+-]?[0-9]+$`)
	dateSerial  = regexp.MustCompile(`^[1-9][0-9]{4}$`)
	dateLike    = regexp.MustCompile(`^[0-9]{1,4}[./-][0-9]{1,2}[./-][0-9]{1,4}( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?$`)
	digitsOnly  = regexp.MustCompile(`^[0-9]+$`)
)

// suspect says why changing the organization's value old into the sheet's value now
// looks like a spreadsheet program's doing rather than an edit, or reports false.
func suspect(old, now string) (i18n.Msg, bool) {
	switch {
	case old == "" || old == now:
		return i18n.Msg{}, false
	case now == "":
		return i18n.M("blank where the organization has %q (a blank keeps it): did a spreadsheet program drop the value?", old), true
	case digitsOnly.MatchString(old) && strings.HasPrefix(old, "0") && len(old) > 1 &&
		(strings.TrimLeft(old, "0") == now || (strings.TrimLeft(old, "0") == "" && now == "0")):
		return i18n.M("the leading zeros were dropped: the organization has %q; a spreadsheet program read it as a number", old), true
	case strings.HasPrefix(old, "+") && (now == old[1:] || sameDigits(old, now)) && !strings.HasPrefix(now, "+"):
		return i18n.M("the + was dropped: the organization has %q; a spreadsheet program read it as a number", old), true
	case sciNotation.MatchString(now) && !sciNotation.MatchString(old):
		return i18n.M("%q is in scientific notation where the organization has %q: a spreadsheet program shortened a long number", now, old), true
	case dateSerial.MatchString(now) && !digitsOnly.MatchString(old):
		return i18n.M("%q looks like a spreadsheet's date serial where the organization has %q: a spreadsheet program read the value as a date", now, old), true
	case dateLike.MatchString(now) && !dateLike.MatchString(old) && !digitsOnly.MatchString(old):
		return i18n.M("%q looks like a date where the organization has %q: a spreadsheet program read the value as a date", now, old), true
	case truth(old) != "" && truth(old) == truth(now):
		return i18n.M("%q where the organization has %q: a spreadsheet program rewrote the value", now, old), true
	}
	return i18n.Msg{}, false
}

// sameDigits reports whether a and b hold the same digits, whatever else they hold.
func sameDigits(a, b string) bool {
	keep := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s)
	}
	return keep(a) != "" && keep(a) == keep(b)
}

// truth is the truth value a cell spells, "" when it spells none.
func truth(v string) string {
	switch strings.ToLower(v) {
	case "on", "true", "yes":
		return "1"
	case "off", "false", "no":
		return "0"
	}
	return ""
}

// suspicions are the cells of one record that differ from the organization's value in
// a way a spreadsheet program would have made them, and the warning on each.
func (d diff) suspicions() ([]Change, []sheets.Finding) {
	var cells []Change
	var out []sheets.Finding
	for _, list := range [][]Change{d.changes, d.quiet} {
		for _, c := range list {
			if f, ok := suspectFinding(c); ok {
				cells, out = append(cells, c), append(out, f)
			}
		}
	}
	return cells, out
}

// suspectFinding is the warning on a cell a spreadsheet program seems to have rewritten.
func suspectFinding(c Change) (sheets.Finding, bool) {
	why, ok := suspect(c.Old, c.New)
	if !ok {
		return sheets.Finding{}, false
	}
	return sheets.NewFinding(c.File, c.Row, c.Col, c.Column, sheets.Warning, why), true
}

// PlanWarnings are the warnings the plan adds to the sheet's own: each cell a
// spreadsheet program seems to have rewritten (Planned.Suspect), in the plan's order.
// Warnings holds them too, after the sheet's own; a window that shows the sheet's own
// already lists these beside them.
func (p Preview) PlanWarnings() []sheets.Finding {
	var out []sheets.Finding
	for _, pl := range p.Plan {
		for _, c := range pl.Suspect {
			if f, ok := suspectFinding(c); ok {
				out = append(out, f)
			}
		}
	}
	return out
}
