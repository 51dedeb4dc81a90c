// Package words says things in the window's language: which language that is, the
// window's own words, and a finding's message in it. The window's words are messages of
// internal/i18n, as the command line's are: one catalogue (assets/messages) and one
// plural system for both. The pages (bulk operations, connections) and the editor share
// this package, so that a page need not import the sheet editor to speak.
package words

import (
	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
)

// Language is the code of the language the window shows its strings in ("en", "cs"):
// the one Fyne picked for its own words (Speak loads it), so that the window's words
// and Fyne's buttons never disagree.
func Language() string { return lang.X("language.code", i18n.English) }

// T is the window's text for i18n.M(format, args...), in the window's language now: for
// a label set as the window is built. format must be a string literal, so that the
// catalogue's test sees it; use M where the text is kept and shown later.
func T(format string, args ...any) string { return i18n.M(format, args...).In(Language()) }

// X is T with its own key in the catalogue (i18n.X), for a word the window translates
// differently from the command line.
func X(key, format string, args ...any) string {
	return i18n.X(key, format, args...).In(Language())
}

// N is T for a message about n things, with the plural form each language wants (i18n.N).
func N(n int, one, other string, args ...any) string {
	return i18n.N(n, one, other, args...).In(Language())
}

// Text is one of the catalog's words (a type's title, a group) in the window's language.
func Text(s string) string { return i18n.Text(Language(), s) }

// Message is a finding's message in the window's language (Control Hub's own messages,
// which have no template, as Control Hub wrote them).
func Message(f sheets.Finding) string { return f.MessageIn(Language()) }
