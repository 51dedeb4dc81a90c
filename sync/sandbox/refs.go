package sandbox

import (
	"net/http"
	"slices"
)

// incoming returns the objects that refer to id through a reference field, skipping the
// children of skip (they go with their parent).
func (st *state) incoming(id, skip string) []refInfo {
	var out []refInfo
	for _, r := range resources {
		for _, rec := range st.records(r, "") {
			if refersTo(r, rec.obj, id) {
				out = append(out, refInfo{ID: str(rec.obj["id"]), Name: displayName(rec.obj), Type: r.key})
			}
		}
		if r.parent == "" {
			continue
		}
		for _, rec := range st.tables[r.key].recs {
			if rec.parent != skip && rec.parent != "" && refersTo(r, rec.obj, id) {
				out = append(out, refInfo{ID: str(rec.obj["id"]), Name: displayName(rec.obj), Type: r.key})
			}
		}
	}
	return out
}

func refersTo(r *resource, obj map[string]any, id string) bool {
	for _, f := range r.fields {
		if f.ref == "" {
			continue
		}
		for _, v := range values(obj, f.path) {
			if v == id {
				return true
			}
		}
	}
	return false
}

// remove deletes the object id of res under parent, unless something refers to it.
// Its children (address-book entries) and its audio content go with it.
func (st *state) remove(res *resource, parent, id string) *itemError {
	rec := st.lookup(res, parent, id)
	if rec == nil {
		return newItemError(http.StatusNotFound, res.entity, "id: "+id+" not found for given orgId.")
	}
	if res.noDelete {
		return newItemError(http.StatusBadRequest, res.entity, res.entity+" objects cannot be deleted through this API")
	}
	if rec.obj["systemDefault"] == true {
		return newItemError(http.StatusBadRequest, res.entity, "systemDefault: a system default entity cannot be deleted")
	}
	if refs := st.incoming(id, id); len(refs) > 0 {
		return referredError(refs)
	}
	for _, r := range resources {
		if r.parent != res.key {
			continue
		}
		for cid, c := range st.tables[r.key].recs {
			if c.parent == id {
				st.tables[r.key].delete(cid)
			}
		}
	}
	if blob := str(rec.obj["blobId"]); blob != "" {
		delete(st.blobs, blob)
	}
	st.tables[res.key].delete(id)
	return nil
}

// referredError is the 412 of a delete that something blocks, in the live shape:
// {"error":{"referencedEntities":["team","user"]}}, the referring types and nothing
// else (dwolgast-lab/wxcc-skills mcp_server.py wxcc_delete: "Confirmed live on a 412";
// the spec's 412 says to ask incoming-references for the objects themselves).
func referredError(refs []refInfo) *itemError {
	return &itemError{status: http.StatusPreconditionFailed, referenced: referringTypes(refs)}
}

// referringTypes are the distinct types of refs, sorted.
func referringTypes(refs []refInfo) []string {
	types := []string{}
	for _, r := range refs {
		if !slices.Contains(types, r.Type) {
			types = append(types, r.Type)
		}
	}
	slices.Sort(types)
	return types
}
