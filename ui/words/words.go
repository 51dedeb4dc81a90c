// Package words says things in the window's language: which language that is, and a
// finding's message in it. The pages (bulk operations, connections) and the editor
// share it, so that a page need not import the sheet editor to speak.
package words

import (
	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/sheets"
)

// Language is the code of the language the window shows its strings in ("en", "cs"):
// the translation bundles say it under language.code.
func Language() string { return lang.X("language.code", "en") }

// Message is a finding's message in the window's language (Control Hub's own messages,
// which have no template, as Control Hub wrote them).
func Message(f sheets.Finding) string { return f.MessageIn(Language()) }
