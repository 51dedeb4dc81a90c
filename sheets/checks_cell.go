package sheets

import (
	"github.com/bulkops/bulkops/internal/i18n"
	"unicode/utf8"

	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// rowOut collects the findings of one row, and which referenced object types it names
// without a match (the checker rechecks those rows when such names appear or change).
type rowOut struct {
	file       string
	row        int // spreadsheet row number
	out        []Finding
	unresolved []string
}

func (o *rowOut) add(col int, header string, sev Severity, msg i18n.Msg) {
	o.out = append(o.out, NewFinding(o.file, o.row, col, header, sev, msg))
}

// refResolver answers whether a name of an object type exists in the sheets or the
// organization. ok is true too when the type cannot be checked offline.
type refResolver interface {
	resolveRef(typ, name string) (problem i18n.Msg, ok bool)
	// inOrg says whether the organization has a record of type typ by name, and whether
	// its list of that type is known at all.
	inOrg(typ, name string) (exists, known bool)
}

// checkCell checks one filled cell against its column's rules.
func checkCell(o *rowOut, col int, c *checkCol, v string, refs refResolver) {
	sp := c.spec
	if v != strings.TrimSpace(v) {
		o.add(col, c.header, Warning, i18n.M("%s %q has spaces at the start or end", c.header, v))
	}
	if !sp.List {
		checkItem(o, col, c, v, "", refs)
		return
	}
	var buf [8]string
	seen := buf[:0] // lists are short: a slice beats a map, and allocates nothing
	for rest := v; ; {
		item, more, found := strings.Cut(rest, catalog.ListSeparator)
		item = strings.TrimSpace(item)
		switch {
		case item == "":
			o.add(col, c.header, Error, i18n.M("%s has an empty item in its list %q; separate items with a single |", c.header, v))
		case slices.Contains(seen, item):
			o.add(col, c.header, Warning, i18n.M("%s lists %q twice", c.header, item))
		default:
			seen = append(seen, item)
			checkItem(o, col, c, item, ": ", refs)
		}
		if !found {
			break
		}
		rest = more
	}
}

// checkItem checks one value (a whole cell, or one item of a list cell, then sep is ": "
// so the message reads `Teams: "X" is not a team…`).
func checkItem(o *rowOut, col int, c *checkCol, v, sep string, refs refResolver) {
	sp := c.spec
	if msg := checkValueType(c, v, sep); !msg.IsZero() {
		o.add(col, c.header, Error, msg)
		return
	}
	what := func() string { return itemName(c.header, sep, v) }
	if sp.Type == catalog.Ref && refs != nil {
		if problem, ok := refs.resolveRef(sp.Ref, strings.TrimSpace(v)); !ok {
			o.add(col, c.header, Error, i18n.M("%s %s", what(), problem))
			o.unresolved = append(o.unresolved, sp.Ref)
		}
	}
	checkLength(o, col, c, v, sep)
	if c.re != nil && !c.re.MatchString(v) {
		if sp.PatternHint != "" {
			o.add(col, c.header, Error, i18n.M("%s may contain only %s", what(), i18n.Word(sp.PatternHint)))
		} else {
			o.add(col, c.header, Error, i18n.M("%s does not have the required form %s", what(), sp.Pattern))
		}
	} else if c.warnRe != nil && !c.warnRe.MatchString(v) {
		o.add(col, c.header, Warning, i18n.M("%s does not follow the documented rule %s; Control Hub may refuse it", what(), sp.WarnPattern))
	}
}

// checkLength checks a value's length in characters. Counting them is a pass over every
// byte of every cell, so it is done only where the byte length leaves the answer open:
// a value has at most as many characters as bytes, and at least a quarter as many.
func checkLength(o *rowOut, col int, c *checkCol, v, sep string) {
	sp := c.spec
	if (sp.MaxLength == 0 || len(v) <= sp.MaxLength) && (sp.MinLength == 0 || len(v) >= sp.MinLength*utf8.UTFMax) {
		return
	}
	if n := runeLen(v); sp.MaxLength > 0 && n > sp.MaxLength {
		o.add(col, c.header, Error, i18n.M("%s is %s long; at most %d are allowed", subject(c.header, sep, v), characters(n), sp.MaxLength))
	} else if sp.MinLength > 0 && n < sp.MinLength {
		o.add(col, c.header, Error, i18n.M("%s is %s long; at least %d are needed", subject(c.header, sep, v), characters(n), sp.MinLength))
	}
}

func characters(n int) i18n.Msg {
	if n == 1 {
		return i18n.M("1 character")
	}
	return i18n.M("%d characters", n)
}

// itemName names a value in a message: `Site "Praha"`, or `Teams: "X"` for a list item.
// It is built only when there is something to say: quoting every value would cost more
// than checking it.
func itemName(header, sep, v string) string {
	if sep == "" {
		return header + " " + strconv.Quote(v)
	}
	return header + sep + strconv.Quote(v)
}

// subject names a value in a length message: the header for a whole cell (the value may be
// long), the item for a list item.
func subject(header, sep, v string) string {
	if sep == "" {
		return header
	}
	return header + sep + strconv.Quote(v)
}

// checkValueType checks the value against the column's type and range; the zero Msg when
// it fits.
func checkValueType(c *checkCol, v, sep string) i18n.Msg {
	sp := c.spec
	t := strings.TrimSpace(v)
	what := func() string { return itemName(c.header, sep, v) }
	switch sp.Type {
	case catalog.Integer:
		if !isInteger(t) {
			return i18n.M("%s is not a whole number", what())
		}
		return checkRange(sp, t, what)
	case catalog.Decimal:
		if !isDecimal(t) {
			return i18n.M("%s is not a number", what())
		}
		return checkRange(sp, t, what)
	case catalog.Enum:
		return checkEnum(c, v, what, sep)
	case catalog.OnOff:
		if !strings.EqualFold(t, "ON") && !strings.EqualFold(t, "OFF") {
			return i18n.M("%s must be ON or OFF", what())
		}
	case catalog.Boolean:
		if !strings.EqualFold(t, "true") && !strings.EqualFold(t, "false") {
			return i18n.M("%s must be true or false", what())
		}
	case catalog.Email:
		if !isEmail(t) {
			return i18n.M("%s is not an e-mail address", what())
		}
	case catalog.Phone:
		if !isPhone(t) {
			return i18n.M("%s is not a phone number: use digits, an optional leading +, and spaces, dashes, dots or brackets", what())
		}
	case catalog.TimeZone:
		if !isTimeZone(t) {
			if s := suggestTimeZone(t); s != "" {
				return i18n.M("%s is not a time zone name such as America/New_York; did you mean %q?", what(), s)
			}
			return i18n.M("%s is not a time zone name such as America/New_York", what())
		}
	case catalog.Date:
		if _, err := time.Parse("2006-01-02", t); err != nil || len(t) != 10 {
			return i18n.M("%s is not a date written YYYY-MM-DD", what())
		}
	case catalog.Time:
		if !isClock(t) {
			return i18n.M("%s is not a time written HH:MM (00:00 to 23:59)", what())
		}
	}
	return i18n.Msg{}
}

// checkEnum: "Type must be AGENT or CAPACITY; did you mean AGENT?" (a list item is named:
// `Days: "MOM" must be …`). Values are compared as written: the API's enums are
// case-sensitive, so "agent" is offered its right spelling rather than let through.
func checkEnum(c *checkCol, v string, what func() string, sep string) i18n.Msg {
	for _, w := range c.spec.Values {
		if v == w {
			return i18n.Msg{}
		}
	}
	subject := c.header
	if sep != "" {
		subject = what()
	}
	if s := newSuggester(c.spec.Values).suggest(v); s != "" {
		return i18n.M("%s must be %s; did you mean %s?", subject, orList(c.spec.Values), s)
	}
	if sep != "" {
		return i18n.M("%s must be %s", subject, orList(c.spec.Values))
	}
	return i18n.M("%s must be %s, not %q", subject, orList(c.spec.Values), v)
}

func checkRange(sp *catalog.Column, t string, what func() string) i18n.Msg {
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return i18n.M("%s is not a number", what())
	}
	if sp.Min != nil && f < *sp.Min {
		return i18n.M("%s must be at least %s", what(), fmtNumber(*sp.Min))
	}
	if sp.Max != nil && f > *sp.Max {
		return i18n.M("%s must be at most %s", what(), fmtNumber(*sp.Max))
	}
	return i18n.Msg{}
}

func fmtNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// orList joins values the way a sentence does: "A", "A or B", "one of A, B or C".
func orList(vs []string) i18n.Msg {
	switch len(vs) {
	case 0:
		return i18n.Raw("")
	case 1:
		return i18n.Raw(vs[0])
	case 2:
		return i18n.M("%s or %s", vs[0], vs[1])
	}
	return i18n.M("one of %s or %s", strings.Join(vs[:len(vs)-1], ", "), vs[len(vs)-1])
}

func isInteger(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	return s != "" && allDigits(s)
}

// isDecimal accepts 12, -3.5, 0.25, .5 and 7. — not 1e3, Inf or NaN, which ParseFloat
// would take but no person means.
func isDecimal(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" {
		return false
	}
	return (whole == "" || allDigits(whole)) && (frac == "" || allDigits(frac))
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isPhone accepts digits with an optional leading + and the separators people type:
// spaces, dashes, dots and brackets (+420 (222) 123-456).
func isPhone(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return false
		}
	}
	return digits > 0
}

// isEmail is a deliberately plain check: one @, something before it, a dotted domain of
// letters, digits and hyphens after it, no spaces. Display forms ("Ann <a@b.c>") are refused.
func isEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || len(local) > 64 || strings.Contains(domain, "@") {
		return false
	}
	for _, r := range local {
		if unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(`<>()[]\,;:"`, r) {
			return false
		}
	}
	if !strings.Contains(domain, ".") {
		return false
	}
	for rest := domain; rest != ""; {
		l, more, _ := strings.Cut(rest, ".")
		if l == "" || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
		if rest = more; rest == "" && strings.HasSuffix(domain, ".") {
			return false
		}
	}
	return true
}

// isClock accepts HH:MM on a 24-hour clock.
func isClock(s string) bool {
	if len(s) != 5 || s[2] != ':' || !allDigits(s[:2]) || !allDigits(s[3:]) {
		return false
	}
	return s[:2] <= "23" && s[3:] <= "59"
}
