package sandbox

import (
	"net/http"
	"slices"
)

// An outdial ANI's entries are elements of its outdialANIEntries array; the spec and
// live tenants also serve them one at a time (wxcc-skills, live-api.md second pass):
// GET v2/outdial-ani/{id}/entry, POST outdial-ani/{id}/entry and GET, PUT, DELETE
// outdial-ani/{id}/entry/{entryId}. Each write saves the ANI with its array changed, so
// the ANI's rules (names, required fields, its version) apply as to a write of the ANI.

func (s *Server) outdialEntryRoutes(rt *router) {
	const ani = "organization/{orgid}/outdial-ani/{aniId}/entry"
	rt.add(http.MethodGet, "organization/{orgid}/v2/outdial-ani/{aniId}/entry", s.handleANIEntries)
	rt.add(http.MethodPost, ani, s.handleANIEntryWrite)
	rt.add(http.MethodGet, ani+"/{id}", s.handleANIEntry)
	rt.add(http.MethodPut, ani+"/{id}", s.handleANIEntryWrite)
	rt.add(http.MethodDelete, ani+"/{id}", s.handleANIEntryWrite)
}

// aniEntries returns a copy of the ANI's entries, or an error when there is no such ANI.
func (s *Server) aniEntries(p params) (map[string]any, []any, *itemError) {
	rec := s.st.lookup(byKey["outdial-ani"], "", p["aniId"])
	if rec == nil {
		return nil, nil, newItemError(http.StatusNotFound, "outdial_ani", "id: "+p["aniId"]+" not found for given orgId.")
	}
	obj := cloneMap(rec.obj)
	list, _ := obj["outdialANIEntries"].([]any)
	return obj, list, nil
}

func entryIndex(list []any, id string) int {
	return slices.IndexFunc(list, func(e any) bool { m, _ := e.(map[string]any); return str(m["id"]) == id })
}

func (s *Server) handleANIEntries(w http.ResponseWriter, r *http.Request, p params) {
	lq, e := parseListQuery(r.URL)
	s.mu.RLock()
	var list []any
	if e == nil {
		_, list, e = s.aniEntries(p)
	}
	s.mu.RUnlock()
	if e != nil {
		writeAPIError(w, r, e)
		return
	}
	from := min(lq.page*lq.pageSize, len(list))
	writeJSON(w, http.StatusOK, map[string]any{"data": list[from:min(from+lq.pageSize, len(list))],
		"meta": map[string]any{"orgid": s.org, "page": lq.page, "pageSize": lq.pageSize,
			"totalPages": (len(list) + lq.pageSize - 1) / lq.pageSize, "totalRecords": len(list)}})
}

func (s *Server) handleANIEntry(w http.ResponseWriter, r *http.Request, p params) {
	s.mu.RLock()
	_, list, e := s.aniEntries(p)
	s.mu.RUnlock()
	i := -1
	if e == nil {
		if i = entryIndex(list, p["id"]); i < 0 {
			e = newItemError(http.StatusNotFound, "outdial_ani_entry", "id: "+p["id"]+" not found for given orgId.")
		}
	}
	if e != nil {
		writeAPIError(w, r, e)
		return
	}
	writeJSON(w, http.StatusOK, list[i])
}

// handleANIEntryWrite creates (POST), replaces (PUT) or removes (DELETE) one entry by
// saving the ANI with its array changed.
func (s *Server) handleANIEntryWrite(w http.ResponseWriter, r *http.Request, p params) {
	var item map[string]any
	if r.Method != http.MethodDelete {
		var ok bool
		if item, ok = readObjectBody(w, r); !ok {
			return
		}
	}
	s.mu.Lock()
	obj, list, e := s.aniEntries(p)
	var saved map[string]any
	if e == nil {
		saved, e = s.changeANIEntry(obj, list, r.Method, p["id"], item)
	}
	s.mu.Unlock()
	status := map[string]int{http.MethodPost: http.StatusCreated, http.MethodPut: http.StatusOK}[r.Method]
	if r.Method == http.MethodDelete {
		status, saved = http.StatusNoContent, nil
	}
	s.answerWrite(w, r, e, status, saved)
}

// changeANIEntry applies one entry's change to the ANI obj and saves it; it returns the
// entry as stored. The state is locked.
func (s *Server) changeANIEntry(obj map[string]any, list []any, method, id string, item map[string]any) (map[string]any, *itemError) {
	i := len(list)
	if method != http.MethodPost {
		if i = entryIndex(list, id); i < 0 {
			return nil, newItemError(http.StatusNotFound, "outdial_ani_entry", "id: "+id+" not found for given orgId.")
		}
	}
	switch method {
	case http.MethodPost:
		delete(item, "id")
		list = append(list, item)
	case http.MethodPut:
		item["id"] = id
		list[i] = item
	default:
		list = append(list[:i], list[i+1:]...)
	}
	obj["outdialANIEntries"] = list
	delete(obj, "version")
	_, stored, e := s.st.save(byKey["outdial-ani"], "", obj, saveOpts{now: s.nowMS()})
	if e != nil || method == http.MethodDelete {
		return nil, e
	}
	entries, _ := stored["outdialANIEntries"].([]any)
	if method == http.MethodPost {
		i = len(entries) - 1
	}
	return cloneMap(entries[i].(map[string]any)), nil
}
