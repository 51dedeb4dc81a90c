package i18n

import (
	"os"
	"strings"
)

// FromEnv is the language the command line speaks: BULKOPS_LANG, else the POSIX locale
// (LC_ALL, LC_MESSAGES, LANG, the first one set), reduced to a language Bulkops has
// ("cs_CZ.UTF-8" → "cs"); English otherwise.
func FromEnv() string {
	for _, name := range []string{"BULKOPS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			return Pick(v)
		}
	}
	return English
}

// Pick reduces a locale name (cs, cs_CZ.UTF-8, cs-CZ, C) to a language Bulkops has.
func Pick(locale string) string {
	l := strings.ToLower(locale)
	if i := strings.IndexAny(l, "_-.@"); i >= 0 {
		l = l[:i]
	}
	if l == Czech {
		return Czech
	}
	return English
}
