package ui

import "github.com/bulkops/bulkops/sheets"

// ShowCheckWarnings lists, in the open sheet of type key, the warnings a check found
// beyond the sheet's own (a value a spreadsheet program seems to have rewritten): on
// their cells, in the findings list and in the counts, as the sheet's own warnings (see
// sheetview.Editor.ShowCheckWarnings).
func (s *Shell) ShowCheckWarnings(key string, fs []sheets.Finding) {
	s.ed.ShowCheckWarnings(key, fs)
	s.nav.refreshCounts()
	s.status.refresh()
}
