package sheets

import (
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
)

func TestValueForms(t *testing.T) {
	tests := []struct {
		name string
		f    func(string) bool
		yes  []string
		no   []string
	}{
		{"integer", isInteger, []string{"0", "42", "-7", "+3", "007"}, []string{"", "4.0", "1e3", "12a", "-", " 1"}},
		{"decimal", isDecimal, []string{"0", "-3.5", "0.25", ".5", "7.", "+2"}, []string{"", ".", "1.2.3", "1e3", "NaN", "Inf", "1,5"}},
		{"phone", isPhone, []string{"+420 222 333 444", "+1 (555) 010-0200", "555.12.34", "12"},
			[]string{"", "+", "12ab", "1+2", "++1", "tel:123", "#123"}},
		{"email", isEmail, []string{"ann@example.com", "a.b+c@mail.example.co.uk", "žofie@příklad.cz"},
			[]string{"", "ann", "ann@example", "@example.com", "ann@@example.com", "ann @example.com",
				"Ann <ann@example.com>", "ann@-example.com", "ann@example..com", "ann@example.com."}},
		{"clock", isClock, []string{"00:00", "09:30", "23:59"}, []string{"9:30", "24:00", "12:60", "1230", "12:3a"}},
		{"time zone", isTimeZone, []string{"Europe/Prague", "America/New_York", "UTC", "Etc/GMT+5", "America/Argentina/Buenos_Aires"},
			[]string{"", "europe/prague", "Local", "Factory", "Europe/Praha", "../etc/passwd", "CET "}},
	}
	for _, tt := range tests {
		for _, v := range tt.yes {
			if !tt.f(v) {
				t.Errorf("%s: %q refused", tt.name, v)
			}
		}
		for _, v := range tt.no {
			if tt.f(v) {
				t.Errorf("%s: %q accepted", tt.name, v)
			}
		}
	}
}

// TestCellMessages checks single values against single columns, as a user would type them.
func TestCellMessages(t *testing.T) {
	one, five := 1.0, 5.0
	tests := []struct {
		col  catalog.Column
		v    string
		want []string
	}{
		{catalog.Column{Header: "Type", Type: catalog.Enum, Values: []string{"AGENT", "CAPACITY"}}, "AGNET",
			[]string{"error: Type must be AGENT or CAPACITY; did you mean AGENT?"}},
		{catalog.Column{Header: "Type", Type: catalog.Enum, Values: []string{"AGENT", "CAPACITY"}}, "agent",
			[]string{"error: Type must be AGENT or CAPACITY; did you mean AGENT?"}},
		{catalog.Column{Header: "Type", Type: catalog.Enum, Values: []string{"AGENT", "CAPACITY"}}, "robot",
			[]string{`error: Type must be AGENT or CAPACITY, not "robot"`}},
		{catalog.Column{Header: "Type", Type: catalog.Enum, Values: []string{"AGENT", "CAPACITY"}}, "CAPACITY", nil},
		{catalog.Column{Header: "Enabled", Type: catalog.OnOff}, "On", nil},
		{catalog.Column{Header: "Enabled", Type: catalog.OnOff}, "off", nil},
		{catalog.Column{Header: "Enabled", Type: catalog.OnOff}, "true", []string{`error: Enabled "true" must be ON or OFF`}},
		{catalog.Column{Header: "Flag", Type: catalog.Boolean}, "TRUE", nil},
		{catalog.Column{Header: "Flag", Type: catalog.Boolean}, "yes", []string{`error: Flag "yes" must be true or false`}},
		{catalog.Column{Header: "Ratio", Type: catalog.Decimal, Min: &one, Max: &five}, "5.5", []string{`error: Ratio "5.5" must be at most 5`}},
		{catalog.Column{Header: "Ratio", Type: catalog.Decimal, Min: &one, Max: &five}, "0.5", []string{`error: Ratio "0.5" must be at least 1`}},
		{catalog.Column{Header: "Ratio", Type: catalog.Decimal, Min: &one, Max: &five}, "2.25", nil},
		{catalog.Column{Header: "Day", Type: catalog.Date}, "2024-02-29", nil},
		{catalog.Column{Header: "Day", Type: catalog.Date}, "2023-02-29", []string{`error: Day "2023-02-29" is not a date written YYYY-MM-DD`}},
		{catalog.Column{Header: "Day", Type: catalog.Date}, "29.2.2024", []string{`error: Day "29.2.2024" is not a date written YYYY-MM-DD`}},
		{catalog.Column{Header: "Code", Type: catalog.Text, MaxLength: 3}, "žžž", nil},
		{catalog.Column{Header: "Code", Type: catalog.Text, MaxLength: 3}, "žžžž", []string{"error: Code is 4 characters long; at most 3 are allowed"}},
		{catalog.Column{Header: "Code", Type: catalog.Text, MinLength: 2}, "x", []string{"error: Code is 1 character long; at least 2 are needed"}},
		{catalog.Column{Header: "Code", Type: catalog.Text, Pattern: `^[A-Z]+$`}, "abc", []string{`error: Code "abc" does not have the required form ^[A-Z]+$`}},
		{catalog.Column{Header: "Code", Type: catalog.Text, Pattern: `^[A-Z]+$`, PatternHint: "capital letters"}, "abc",
			[]string{`error: Code "abc" may contain only capital letters`}},
		{catalog.Column{Header: "Code", Type: catalog.Text, WarnPattern: `^[A-Z]`}, "abc",
			[]string{`warning: Code "abc" does not follow the documented rule ^[A-Z]; Control Hub may refuse it`}},
		{catalog.Column{Header: "Code", Type: catalog.Text}, " padded ", []string{`warning: Code " padded " has spaces at the start or end`}},
		{catalog.Column{Header: "Days", Type: catalog.Enum, List: true, Values: []string{"MON", "TUE"}}, "MON | TUE", nil},
		{catalog.Column{Header: "Days", Type: catalog.Enum, List: true, Values: []string{"MON", "TUE"}}, "MON|TUE|", []string{
			`error: Days has an empty item in its list "MON|TUE|"; separate items with a single |`}},
		{catalog.Column{Header: "Days", Type: catalog.Enum, List: true, Values: []string{"MON", "TUE"}}, "MON|tue|FRI", []string{
			`error: Days: "tue" must be MON or TUE; did you mean TUE?`, `error: Days: "FRI" must be MON or TUE`}},
		{catalog.Column{Header: "Codes", Type: catalog.Text, List: true, MaxLength: 2}, "ab|abc", []string{
			`error: Codes: "abc" is 3 characters long; at most 2 are allowed`}},
		{catalog.Column{Header: "Zone", Type: catalog.TimeZone}, "Europe/Prage", []string{
			`error: Zone "Europe/Prage" is not a time zone name such as America/New_York; did you mean "Europe/Prague"?`}},
	}
	for _, tt := range tests {
		c := checkCol{spec: &tt.col, header: tt.col.Header, re: checkRegexp(tt.col.Pattern), warnRe: checkRegexp(tt.col.WarnPattern)}
		o := rowOut{file: "f.csv", row: 2}
		checkCell(&o, 0, &c, tt.v, nil)
		var got []string
		for _, f := range o.out {
			got = append(got, f.Severity.String()+": "+f.Message)
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s %q: got %q, want %q", tt.col.Header, tt.v, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s %q: got %q, want %q", tt.col.Header, tt.v, got[i], tt.want[i])
			}
		}
	}
}

func TestOrList(t *testing.T) {
	for _, tt := range []struct {
		in   []string
		want string
	}{{[]string{"Yes"}, "Yes"}, {[]string{"ON", "OFF"}, "ON or OFF"}, {[]string{"A", "B", "C"}, "one of A, B or C"}} {
		if got := orList(tt.in).String(); got != tt.want {
			t.Errorf("orList(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCatalogPatternsCompile: a pattern Go cannot compile would silently check nothing.
func TestCatalogPatternsCompile(t *testing.T) {
	for _, o := range catalog.All() {
		for _, c := range o.Columns {
			for _, p := range []string{c.Pattern, c.WarnPattern} {
				if p != "" && checkRegexp(p) == nil {
					t.Errorf("%s.%s: pattern %q does not compile in Go", o.Key, c.Header, p)
				}
			}
		}
	}
}
