// Package messages holds the Czech text of what Bulkops says: sheets, sync, the command
// line and the window (findings, errors of our own, the window's labels and dialogs),
// and of the catalog's words (type titles, groups, column descriptions and pattern
// hints). It is data only and imports nothing, so packages that must stay free of Fyne
// (sheets, sync) read the same entries the window shows.
//
// cs.json maps each English fmt template, exactly as the code passes it to i18n.M (or
// the window's words.T), to its Czech form; a Czech form may reorder the arguments
// (%[2]s). A plural message (i18n.N) has three Czech forms separated by "|"; a keyed one
// (i18n.X, "window: Started") has its key in place of the template. catalog.cs.json maps
// the catalog's English words to Czech. internal/i18n's tests keep both complete.
package messages

import _ "embed"

// CS is cs.json: the Czech templates of messages, keyed by the English template.
//
//go:embed cs.json
var CS []byte

// CatalogCS is catalog.cs.json: the Czech words of the catalog, keyed by the English.
//
//go:embed catalog.cs.json
var CatalogCS []byte
