package main

import (
	"time"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
)

// cliLanguage is the language the command line speaks to the person at the terminal:
// BULKOPS_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English. Files it writes
// for Control Hub or for sharing (packages, error files) stay in English.
func cliLanguage() string { return i18n.FromEnv() }

// say renders one of our own messages in the command line's language.
func say(format string, args ...any) string { return i18n.M(format, args...).In(cliLanguage()) }

// sayErr is an error in the command line's language: Bulkops' own errors are translated,
// others (a server's reason, the system's) are shown as they came.
func sayErr(err error) string { return i18n.Of(err).In(cliLanguage()) }

// statusWord is a job's status in the command line's language: Control Hub's words in
// English, as the window spells them in Czech.
func statusWord(s jobs.Status) string {
	var m i18n.Msg
	switch s {
	case jobs.New:
		m = i18n.M("New")
	case jobs.InProgress:
		m = i18n.M("In Progress")
	case jobs.Completed:
		m = i18n.M("Completed")
	case jobs.CompletedWithErrors:
		m = i18n.M("Completed With Errors")
	case jobs.Failed:
		m = i18n.M("Failed")
	default:
		return string(s)
	}
	return m.In(cliLanguage())
}

// titleWord is an object type's title in the command line's language.
func titleWord(o *catalog.Object) string { return i18n.Text(cliLanguage(), o.Title) }

// sayDuration is a duration as a person reads it (i18n.Duration): "6 min 46 s".
func sayDuration(d time.Duration) string { return i18n.Duration(d).In(cliLanguage()) }
