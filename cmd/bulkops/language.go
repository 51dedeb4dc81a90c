package main

import (
	"github.com/bulkops/bulkops/internal/i18n"
)

// cliLanguage is the language the command line speaks to the person at the terminal:
// BULKOPS_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English. Files it writes
// for Control Hub or for sharing (packages, error files) stay in English.
func cliLanguage() string { return i18n.FromEnv() }

// say renders one of our own messages in the command line's language.
func say(format string, args ...any) string { return i18n.M(format, args...).In(cliLanguage()) }
