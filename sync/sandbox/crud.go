package sandbox

import (
	"net/http"
)

// parentOf checks the parent object of a sub-resource request; ok is true for
// top-level resources.
func (s *Server) parentOf(res *resource, p params) (string, *itemError) {
	if res.parent == "" {
		return "", nil
	}
	parent := byKey[res.parent]
	if s.st.lookup(parent, "", p["parentId"]) == nil {
		return "", newItemError(http.StatusNotFound, parent.entity, "parentId: "+p["parentId"]+" not found for given orgId.")
	}
	return p["parentId"], nil
}

func (s *Server) handleGet(res *resource) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, p params) {
		s.mu.RLock()
		parent, e := s.parentOf(res, p)
		var rec *record
		if e == nil {
			rec = s.st.lookup(res, parent, p["id"])
		}
		s.mu.RUnlock()
		if e != nil {
			writeAPIError(w, r, e)
			return
		}
		if rec == nil {
			writeAPIError(w, r, newItemError(http.StatusNotFound, res.entity, "id: "+p["id"]+" not found for given orgId."))
			return
		}
		obj := rec.obj
		if withEntries(res, r) {
			s.mu.RLock()
			obj = s.st.embedEntries(obj)
			s.mu.RUnlock()
		}
		if res.multipart && r.URL.Query().Get("includeUrl") == "true" {
			obj = s.withURL(r, obj)
		}
		writeJSON(w, http.StatusOK, obj)
	}
}

// handleCreate: POST base with the DTO as JSON.
func (s *Server) handleCreate(res *resource) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, p params) {
		item, ok := readObjectBody(w, r)
		if !ok {
			return
		}
		delete(item, "id")
		if withEntries(res, r) {
			s.writeBook(w, r, res, item, res.createStatus)
			return
		}
		s.write(w, r, res, p, item, false, res.createStatus)
	}
}

// handleUpdate: PUT (replace) or PATCH (merge) base/{id}.
func (s *Server) handleUpdate(res *resource, merge bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, p params) {
		item, ok := readObjectBody(w, r)
		if !ok {
			return
		}
		// live (contact-number): 400 "Invalid id: id in payload and URL should be same".
		if id, ok := item["id"]; (ok && id != nil && id != p["id"]) || (res.idInPut && id == nil) {
			writeAPIError(w, r, newItemError(http.StatusBadRequest, res.entity, "Invalid id: id in payload and URL should be same"))
			return
		}
		item["id"] = p["id"]
		if withEntries(res, r) && !merge {
			s.writeBook(w, r, res, item, http.StatusOK)
			return
		}
		if res.key == "address-book" && !merge && s.st.unsure.BookPutDropsEntries {
			item["addressBookEntries"] = []any{} // the unrecorded strict reading: a v3 PUT replaces the entries too
			s.writeBook(w, r, res, item, http.StatusOK)
			return
		}
		s.write(w, r, res, p, item, merge, http.StatusOK)
	}
}

// readObjectBody reads a JSON object body; it answers the error itself and returns false
// when the body is not one.
func readObjectBody(w http.ResponseWriter, r *http.Request) (map[string]any, bool) {
	var item map[string]any
	if e := decodeJSON(r, &item); e != nil {
		writeAPIError(w, r, e)
		return nil, false
	}
	if item == nil {
		writeFail(w, r, http.StatusBadRequest, "JSON parse error: the body must be an object")
		return nil, false
	}
	return item, true
}

// write saves one item and answers with the stored object.
func (s *Server) write(w http.ResponseWriter, r *http.Request, res *resource, p params, item map[string]any, merge bool, status int) {
	s.mu.Lock()
	parent, e := s.parentOf(res, p)
	var obj map[string]any
	if e == nil {
		_, obj, e = s.st.save(res, parent, item, saveOpts{merge: merge, now: s.nowMS()})
	}
	e = s.stored(e)
	s.mu.Unlock()
	s.answerWrite(w, r, e, status, obj)
}

// answerWrite ends a handler that changed one record, stored (the state unlocked): the
// API's error, or status with the stored object (no body when obj is nil).
func (s *Server) answerWrite(w http.ResponseWriter, r *http.Request, e *itemError, status int, obj map[string]any) {
	if e != nil {
		writeAPIError(w, r, e)
		return
	}
	if obj == nil {
		w.WriteHeader(status)
		return
	}
	writeJSON(w, status, obj)
}

// handleDelete: DELETE x/{id}, answered with status, the spec's for the route.
func (s *Server) handleDelete(res *resource, status int) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, p params) {
		s.mu.Lock()
		parent, e := s.parentOf(res, p)
		if e == nil {
			e = s.st.remove(res, parent, p["id"])
		}
		e = s.stored(e)
		s.mu.Unlock()
		s.answerWrite(w, r, e, status, nil)
	}
}

// handleUserByCI: GET v2/user/by-ci-user-id/{ciUserId}.
func (s *Server) handleUserByCI(w http.ResponseWriter, r *http.Request, p params) {
	s.mu.RLock()
	var found map[string]any
	for _, rec := range s.st.tables["user"].recs {
		if rec.obj["ciUserId"] == p["ciUserId"] {
			found = rec.obj
			break
		}
	}
	s.mu.RUnlock()
	if found == nil {
		writeAPIError(w, r, newItemError(http.StatusNotFound, "cc_user", "ciUserId: "+p["ciUserId"]+" not found for given orgId."))
		return
	}
	writeJSON(w, http.StatusOK, found)
}
