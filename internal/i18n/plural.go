package i18n

import "strings"

// N is a message about n things, with the plural form each language wants: one is the
// English template for n == 1, other the one for any other n, and both take n as their
// first verb (args follow it). The Czech catalog keeps three forms under the key one,
// separated by "|": for 1, for 2 to 4, and for the rest (0, 5 and on): "%d chyba|%d
// chyby|%d chyb". The same rules as CLDR's for integers.
func N(n int, one, other string, args ...any) Msg {
	return Msg{Format: one, Args: append([]any{n}, args...), other: other}
}

// pluralFormat is the template of a plural message in language code, by its count.
func (m Msg) pluralFormat(code string) string {
	var n int
	switch v := m.Args[0].(type) { // an int, or an int64 once stored and read back
	case int:
		n = v
	case int64:
		n = int(v)
	}
	if code != English {
		if t, ok := catalogs(code).templates[m.catalogKey()]; ok {
			if forms := strings.Split(t, "|"); len(forms) == 3 {
				return forms[czechForm(n)]
			}
		}
	}
	if n == 1 || n == -1 {
		return m.Format
	}
	return m.other
}

// czechForm is the index of Czech's plural form of n: 1; 2–4; the rest.
func czechForm(n int) int {
	n = max(n, -n)
	switch {
	case n == 1:
		return 0
	case n >= 2 && n <= 4:
		return 1
	}
	return 2
}
