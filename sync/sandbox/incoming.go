package sandbox

import (
	"net/http"
)

// handleIncoming answers GET {type}/{id}/incoming-references as live tenants do: one
// referring type at a time. meta.referencedEntities lists every type that refers to the
// object, meta.currentEntity the one whose objects data holds; ?type= (the spec's and
// wxcc-skills' parameter) or ?currentEntity= (wxcc-remove-skill-definition client.py)
// picks it, and page and pageSize page within it; without a type, page walks across the
// types (page N answers the N-th type's first page: wxcc-skills, "a bare ?page=N walks
// ACROSS types"). Sources:
// dwolgast-lab/wxcc-skills mcp_server.py _find_references ("data[] holds only
// meta.currentEntity — walk ?type=<each>"), the spec's EntityReferenceInfoDTO.
func (s *Server) handleIncoming(res *resource) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, p params) {
		lq, e := parseListQuery(r.URL)
		if e != nil {
			writeAPIError(w, r, e)
			return
		}
		s.mu.RLock()
		rec := s.st.lookup(res, "", p["id"])
		var refs []refInfo
		if rec != nil {
			refs = s.st.incoming(p["id"], p["id"])
		}
		s.mu.RUnlock()
		if rec == nil {
			writeAPIError(w, r, newItemError(http.StatusNotFound, res.entity, "id: "+p["id"]+" not found for given orgId."))
			return
		}
		types := referringTypes(refs)
		q := r.URL.Query()
		current := q.Get("type")
		if current == "" {
			current = q.Get("currentEntity")
		}
		inType := lq.page // the page within the current type
		if current == "" {
			if lq.page < len(types) {
				current = types[lq.page]
			}
			inType = 0
		}
		of := []refInfo{}
		for _, ref := range refs {
			if ref.Type == current {
				of = append(of, ref)
			}
		}
		meta := map[string]any{"orgid": s.org, "page": inType, "pageSize": lq.pageSize,
			"totalPages": (len(of) + lq.pageSize - 1) / lq.pageSize, "totalRecords": len(of), "referencedEntities": types}
		if current != "" {
			meta["currentEntity"] = current
		}
		from := min(inType*lq.pageSize, len(of))
		writeJSON(w, http.StatusOK, map[string]any{
			"description": "Entities that refer to " + res.entity + " " + displayName(rec.obj),
			"meta":        meta,
			"data":        of[from:min(from+lq.pageSize, len(of))],
		})
	}
}
