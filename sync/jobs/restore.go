package jobs

import (
	"net/http"
	"strings"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// RestoreMark in the Action column makes a record's blank cells clear the value: an
// undo writes it on the rows that give objects their before-values back, where a blank
// is what the object had (elsewhere a blank cell keeps the organization's value).
const RestoreMark = sheets.RestoreMark

// restoring reports whether the record restores an object (RestoreMark).
func (r *record) restoring() bool {
	i := actionColumn(r.lay.header)
	return i >= 0 && i < len(r.rows[0].Cells) && strings.EqualFold(strings.TrimSpace(r.rows[0].Cells[i]), RestoreMark)
}

// clears are the parent columns a restoring record clears on cur: blank in the record,
// holding a value in the organization.
func (m *mapper) clears(rec *record, cur webex.Object) []*catalog.Column {
	if !rec.restoring() || cur == nil {
		return nil
	}
	var out []*catalog.Column
	for i := range m.obj.Columns {
		c := &m.obj.Columns[i]
		if c.Child || c.APIField == "" || !rec.lay.has(c) || rec.parentValue(c) != "" {
			continue
		}
		if v := getPath(cur, c.APIField); v != nil && str(v) != "" {
			out = append(out, c)
		}
	}
	return out
}

// clearIn clears in item the fields rec clears on cur: a PATCH sends null for each
// (what it leaves out it keeps); a whole object sent back leaves the field out, since
// the spec makes most fields not nullable.
func (m *mapper) clearIn(rec *record, cur, item webex.Object) {
	for _, c := range m.clears(rec, cur) {
		if m.obj.API.Routes.Update.Method == http.MethodPatch {
			setPath(item, c.APIField, nil)
		} else {
			deletePath(item, c.APIField)
		}
	}
}

// deletePath removes the field at a dotted path (no array segment) from obj.
func deletePath(obj map[string]any, path string) {
	for {
		p, rest, nested := strings.Cut(path, ".")
		if !nested {
			delete(obj, p)
			return
		}
		next, ok := obj[p].(map[string]any)
		if !ok {
			return
		}
		obj, path = next, rest
	}
}
