package sandbox

import (
	"net/http"

	"github.com/bulkops/bulkops/internal/apispec"
)

// deleteStatus is the status a DELETE on pattern (relative, with {orgid}) answers: the
// one Cisco's spec documents for it (200 for audio-file/{id} and dial-number/{id}, 204
// for site/{id}), 204 where it documents none.
func deleteStatus(pattern string) int {
	if n := apispec.Success(http.MethodDelete, "/"+pattern); n != 0 {
		return n
	}
	return http.StatusNoContent
}

// handleDeleteAll: DELETE dial-number, which the spec documents as "Delete all Dialed
// Number Mapping(s) in a given organization" (deleteAllConfig): no body, no filter. It
// removes every object of res, or none when one of them is referred to (the live 412
// naming the referring types). Bulkops never sends it: its client refuses a DELETE
// without an id, and its catalog a delete route without one.
func (s *Server) handleDeleteAll(res *resource) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, _ params) {
		s.mu.Lock()
		var e *itemError
		recs := s.st.records(res, "")
		for _, rec := range recs {
			if refs := s.st.incoming(str(rec.obj["id"]), ""); len(refs) > 0 {
				e = referredError(refs)
				break
			}
		}
		for _, rec := range recs {
			if e == nil {
				e = s.st.remove(res, "", str(rec.obj["id"]))
			}
		}
		e = s.stored(e)
		s.mu.Unlock()
		s.answerWrite(w, r, e, deleteStatus("organization/{orgid}/"+res.bases[0]), nil)
	}
}
