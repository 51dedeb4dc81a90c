package sheets

import (
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
)

// ActionHeader is the optional column that marks a record for deletion with DeleteMark.
// Bulkops reads and writes it (the editor's "Mark for deletion" adds it); Control Hub's
// packages never carry it, since Control Hub cannot delete.
// RestoreMark there makes a record's blank cells clear the organization's value (an
// undo writes it on the records it gives their before-values back).
const (
	ActionHeader = "Action"
	DeleteMark   = "DELETE"
	RestoreMark  = "RESTORE"
)

// IsActionHeader reports whether a header is the Action column's, as a user may spell it.
func IsActionHeader(h string) bool { return strings.EqualFold(strings.TrimSpace(h), ActionHeader) }

// IsDeleteMark reports whether an Action cell marks its record for deletion.
func IsDeleteMark(v string) bool { return strings.EqualFold(strings.TrimSpace(v), DeleteMark) }

// findAction finds the sheet's Action column (one the catalog does not know as a column
// of its own).
func (l *checkLayout) findAction(s *Sheet) {
	l.action = -1
	for i, c := range s.Columns {
		if c.Spec == nil && IsActionHeader(c.Header) {
			l.action = i
			return
		}
	}
}

// deleting reports whether the row is marked for deletion, and adds an error on an Action
// cell that holds anything else: it would be sent as a create or an update.
func (l *checkLayout) deleting(o *rowOut, cells []string) bool {
	if l.action < 0 {
		return false
	}
	v := rowCell(cells, l.action)
	switch {
	case IsDeleteMark(v):
		return true
	case strings.TrimSpace(v) != "" && !strings.EqualFold(strings.TrimSpace(v), RestoreMark):
		o.add(l.action, l.cols[l.action].header, Error, i18n.M("%s must be %s, %s or empty, not %q", l.cols[l.action].header, DeleteMark, RestoreMark, v))
	}
	return false
}

// OnlyDeletes reports whether every row of s is marked for deletion: such a sheet of
// audio files is packed as CSV (Bulkops's own package, which only deletes: Control Hub
// takes audio files as a zip of WAV files and deletes none).
func OnlyDeletes(s *Sheet) bool {
	act := -1
	for i, c := range s.Columns {
		if c.Spec == nil && IsActionHeader(c.Header) {
			act = i
		}
	}
	if act < 0 || len(s.Rows) == 0 {
		return false
	}
	for _, r := range s.Rows {
		if !IsDeleteMark(rowCell(r.Cells, act)) {
			return false
		}
	}
	return true
}
