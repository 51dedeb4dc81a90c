package sandbox

import (
	"net/http"
	"strconv"
	"strings"
)

// maxBulkItems bounds one bulk request (the spec documents no limit; see doc.go).
const maxBulkItems = 1000

type bulkRequest struct {
	Items []bulkItem `json:"items"`
}

type bulkItem struct {
	ItemIdentifier *int64         `json:"itemIdentifier"`
	RequestAction  string         `json:"requestAction"`
	Item           map[string]any `json:"item"`
}

// bulkResult is one entry of the 207 answer (BulkResponseDTO, api.md §3.3).
type bulkResult struct {
	ItemIdentifier *int64            `json:"itemIdentifier"`
	Status         int               `json:"status"`
	OperationType  string            `json:"operationType,omitempty"` // success items only
	Href           string            `json:"href,omitempty"`
	APIError       *apiErrorResponse `json:"apiError,omitempty"`
}

// handleBulk serves POST …/bulk (SAVE replaces) and PATCH …/bulk (SAVE merges). Items
// are applied one by one, in order; each succeeds or fails on its own. The answer is a
// 207 whenever the request could be read, with an empty items list when it had none
// (live-api.md: "an empty items list means nothing was applied").
func (s *Server) handleBulk(res *resource, merge bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, p params) {
		var req bulkRequest
		if e := decodeJSON(r, &req); e != nil {
			writeAPIError(w, r, e)
			return
		}
		if n := len(req.Items); n > maxBulkItems {
			writeFail(w, r, http.StatusBadRequest, "items: size must be between 1 and "+strconv.Itoa(maxBulkItems))
			return
		}
		results := make([]bulkResult, len(req.Items))
		seen := make(map[int64]bool, len(req.Items))
		wrote := false
		s.mu.Lock()
		parent, e := s.parentOf(res, p)
		now := s.nowMS()
		for i, it := range req.Items {
			if e != nil {
				break
			}
			results[i] = s.bulkOne(res, parent, it, merge, seen, now)
			wrote = wrote || results[i].APIError == nil
		}
		if wrote {
			e = s.stored(e) // on the file before it is answered, or undone and refused
		}
		s.mu.Unlock()
		if e != nil {
			writeAPIError(w, r, e)
			return
		}
		writeJSON(w, http.StatusMultiStatus, map[string]any{"items": results})
	}
}

// bulkOne applies one item; the state is locked.
func (s *Server) bulkOne(res *resource, parent string, it bulkItem, merge bool, seen map[int64]bool, now int64) bulkResult {
	out := bulkResult{ItemIdentifier: it.ItemIdentifier, OperationType: opCreate}
	if it.Item != nil && it.Item["id"] != nil {
		out.OperationType = opUpdate
	}
	if it.RequestAction == "DELETE" {
		out.OperationType = opDelete
	}
	// A failed item is {itemIdentifier, status, apiError} (live-api.md, "Bulk routes").
	fail := func(e *itemError) bulkResult {
		out.Status, out.APIError, out.OperationType = e.status, e.body(), ""
		return out
	}
	switch {
	case it.ItemIdentifier == nil:
		return fail(newItemError(http.StatusBadRequest, res.entity, "itemIdentifier: must not be null"))
	case seen[*it.ItemIdentifier]:
		return fail(newItemError(http.StatusBadRequest, res.entity,
			"itemIdentifier: "+strconv.FormatInt(*it.ItemIdentifier, 10)+" is used more than once in the request"))
	case it.RequestAction != "" && it.RequestAction != "SAVE" && it.RequestAction != "DELETE":
		return fail(newItemError(http.StatusBadRequest, res.entity, "requestAction: must be SAVE or DELETE"))
	case it.Item == nil:
		return fail(newItemError(http.StatusBadRequest, res.entity, "item: must not be null"))
	}
	seen[*it.ItemIdentifier] = true
	wall := res.idWall || (res.key == "address-book-entry" && s.st.unsure.EntryIDWall)
	if wall && !merge && it.RequestAction != "DELETE" && it.Item["id"] != nil {
		// live-api.md, "Bulk routes": these types are created through bulk, never updated.
		return fail(newItemError(http.StatusBadRequest, res.entity, "New configuration cannot have an id"))
	}
	if it.RequestAction == "DELETE" {
		id := str(it.Item["id"])
		if id == "" {
			return fail(newItemError(http.StatusBadRequest, res.entity, "id: must not be blank"))
		}
		if !wholeForDelete(res, it.Item) {
			// live: an id-only delete returns this misleading 400.
			return fail(newItemError(http.StatusBadRequest, res.entity, "Cannot Update/Delete system generated Entities"))
		}
		if e := s.st.remove(res, parent, id); e != nil {
			return fail(e)
		}
		out.Status, out.Href = http.StatusNoContent, s.href(res, parent, id)
		return out
	}
	op, obj, e := s.st.save(res, parent, it.Item, saveOpts{merge: merge, now: now})
	if e != nil {
		return fail(e)
	}
	out.OperationType = op
	out.Status, out.Href = http.StatusOK, s.href(res, parent, str(obj["id"]))
	if op == opCreate {
		out.Status = http.StatusCreated
	}
	return out
}

// wholeForDelete reports whether a DELETE item carries the object's required top-level
// fields: live tenants want the whole object to delete one (live-api.md, "Bulk routes").
func wholeForDelete(res *resource, item map[string]any) bool {
	for _, f := range res.fields {
		if f.req && !strings.ContainsAny(f.path, ".[") && item[f.path] == nil {
			return false
		}
	}
	return true
}
